/**
 * Data sets as plain Java arrays, independent of the numeric backends: the IDX reader
 * ({@link ibinit.data.IdxReader}), {@link ibinit.data.Dataset} and {@link ibinit.data.DataSplit},
 * seeded transformations (stratified fractions and splits, standardization, permutations), the
 * registry {@link ibinit.data.Datasets} (fashion-mnist, mnist, synthetic) and download with checksum
 * ({@link ibinit.data.Downloader}, {@link ibinit.data.KnownFiles}, {@link ibinit.data.DatasetFetcher}).
 * Every failure is a {@link ibinit.data.DatasetException} whose message names the file and the fault.
 */
package ibinit.data;
