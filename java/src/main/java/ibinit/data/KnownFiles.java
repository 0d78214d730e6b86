package ibinit.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of fetchable data files and their checksums. Only checksums that were published by
 * the data's maintainers or computed here from real copies are recorded; each says which.
 *
 * <p>Fashion-MNIST has two good packagings of the same data: the upstream gzip files (MD5s from
 * the upstream README, a copy of which Debian ships as
 * /usr/share/doc/dataset-fashion-mnist/README.md.gz) and Debian's re-compressed copies in package
 * dataset-fashion-mnist 0.0~git20200523.55506a9-1 (SHA-256 computed from the installed files;
 * their MD5s differ from upstream's because gzip headers differ, the images do not).
 */
public final class KnownFiles {
    private static final String FASHION_UPSTREAM = "MD5 published in zalandoresearch/fashion-mnist README.md";
    private static final String FASHION_DEBIAN = "SHA-256 computed from Debian dataset-fashion-mnist 0.0~git20200523.55506a9-1";
    private static final String MNIST_TEST = "MD5 published for the original MNIST files; verified against a copy of the original files";
    private static final String MNIST_TRAIN = "MD5 published for the original MNIST files (torchvision's MNIST resource list);"
            + " not verified here: no copy of the training files on this project's machines";

    private static final List<KnownFile> ALL = List.of(
            fashion("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                    "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"),
            fashion("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
                    "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"),
            fashion("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
                    "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"),
            fashion("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310",
                    "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"),
            mnist("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873", MNIST_TRAIN),
            mnist("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432", MNIST_TRAIN),
            mnist("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3", MNIST_TEST),
            mnist("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c", MNIST_TEST));

    private KnownFiles() { }

    public static List<KnownFile> all() { return ALL; }

    /** The files of {@code dataset} (fashion-mnist or mnist); throws for a data set with nothing to fetch. */
    public static List<KnownFile> forDataset(String dataset) {
        String d = dataset.toLowerCase(Locale.ROOT);
        List<KnownFile> files = ALL.stream().filter(f -> f.dataset().equals(d)).toList();
        if (files.isEmpty()) {
            throw new DatasetException("no downloadable files are known for data set '" + dataset + "'; known: fashion-mnist, mnist");
        }
        return files;
    }

    public static Optional<KnownFile> find(String dataset, String fileName) {
        return forDataset(dataset).stream().filter(f -> f.fileName().equals(fileName)).findFirst();
    }

    private static KnownFile fashion(String name, String upstreamMd5, String debianSha256) {
        return new KnownFile(FashionMnist.NAME, name, List.of(Checksum.md5(upstreamMd5), Checksum.sha256(debianSha256)),
                FASHION_UPSTREAM + "; " + FASHION_DEBIAN);
    }

    private static KnownFile mnist(String name, String md5, String provenance) {
        return new KnownFile(Mnist.NAME, name, List.of(Checksum.md5(md5)), provenance);
    }
}
