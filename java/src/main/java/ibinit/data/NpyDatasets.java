package ibinit.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * NumPy data ({@code npy:PATH}): PATH is an {@code .npz} archive (as {@code np.savez} or
 * {@code np.savez_compressed} write it: a zip, stored or deflated) holding arrays {@code x} and
 * {@code y}, or a folder holding {@code x.npy} and {@code y.npy}; optionally {@code x_test} and
 * {@code y_test} beside them. {@code x}: float32, float64 or uint8, one row per example (rank 2,
 * or images N x H x W, N x C x H x W); {@code y}: integer class labels, one per row.
 */
final class NpyDatasets {
    private NpyDatasets() { }

    /** {train, test}; test is null when there are no test arrays. */
    static LabeledArrays[] read(Path path, boolean scaleToUnit) {
        if (Files.isDirectory(path)) return fromArrays(name -> {
            Path f = path.resolve(name + ".npy");
            return Files.isRegularFile(f) ? NpyReader.read(f) : null;
        }, path + " (a folder: x.npy, y.npy and optionally x_test.npy, y_test.npy)", scaleToUnit);
        if (!Files.isRegularFile(path)) throw new DatasetException(path + ": no such file or folder");
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return fromArrays(name -> entry(zip, path, name), path + " (an .npz holding arrays x, y and optionally x_test, y_test; it holds "
                    + String.join(", ", arrayNames(zip)) + ")", scaleToUnit);
        } catch (NoSuchFileException e) {
            throw new DatasetException(path + ": no such file");
        } catch (ZipException e) {
            throw new DatasetException(path + ": not a readable .npz (zip) archive, or a truncated one (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DatasetException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static LabeledArrays[] fromArrays(Function<String, NpyArray> arrays, String where, boolean scaleToUnit) {
        NpyArray x = arrays.apply("x"), y = arrays.apply("y");
        if (x == null || y == null) throw new DatasetException(where + ": no array " + (x == null ? "x" : "y"));
        NpyArray xTest = arrays.apply("x_test"), yTest = arrays.apply("y_test");
        if ((xTest == null) != (yTest == null)) {
            throw new DatasetException(where + ": " + (xTest == null ? "y_test without x_test" : "x_test without y_test"));
        }
        LabeledArrays train = pair(x, y, scaleToUnit);
        return new LabeledArrays[] {train, xTest == null ? null : pair(xTest, yTest, scaleToUnit)};
    }

    private static LabeledArrays pair(NpyArray x, NpyArray y, boolean scaleToUnit) {
        if (x.shape().length < 2 || x.shape().length > 4) {
            throw new DatasetException(x.source() + ": features must have 2 to 4 dimensions (rows x features, images N x H x W"
                    + " or N x C x H x W), found shape " + NpyReader.shapeText(x.shape()));
        }
        float[] features = x.features(scaleToUnit);
        int[] labels = y.labels();
        if (labels.length != x.count()) {
            throw new DatasetException(y.source() + ": " + labels.length + " labels for " + x.count() + " rows in " + x.source());
        }
        return new LabeledArrays(features, labels, x.rowSize(), LabeledArrays.imageShape(x.shape()), y.source());
    }

    private static NpyArray entry(ZipFile zip, Path path, String name) {
        ZipEntry e = zip.getEntry(name + ".npy");
        if (e == null) return null;
        String source = path + ":" + name + ".npy";
        try (InputStream in = zip.getInputStream(e)) {
            return NpyReader.parse(in.readAllBytes(), source);
        } catch (EOFException ex) {
            throw new DatasetException(source + ": truncated compressed data");
        } catch (ZipException ex) {
            throw new DatasetException(source + ": corrupt compressed data (" + ex.getMessage() + ")");
        } catch (IOException ex) {
            throw new DatasetException(source + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    private static List<String> arrayNames(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) names.add(e.getName().replaceFirst("\\.npy$", ""));
        return names;
    }
}
