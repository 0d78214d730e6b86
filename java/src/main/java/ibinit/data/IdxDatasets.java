package ibinit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Turns an IDX feature (image) file and its label file into a {@link Dataset}, checking that they belong together. */
public final class IdxDatasets {
    private IdxDatasets() { }

    /**
     * Reads {@code images} (rank 3: count x rows x cols) and {@code labels} (rank 1, values below
     * {@code classes}). With {@code scaleToUnit} pixels become {@code value / 255f} in [0, 1],
     * otherwise they stay 0..255.
     */
    public static Dataset load(Path images, Path labels, int classes, String name, boolean scaleToUnit) {
        LabeledArrays a = read(images, labels, scaleToUnit);
        int[] y = a.labels();
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= classes) {
                throw new DatasetException(labels + ": label " + y[i] + " at index " + i + " is outside 0.." + (classes - 1));
            }
        }
        return new Dataset(name, a.features(), y, a.featureDim(), classes, a.imageShape());
    }

    /**
     * Reads a feature file (unsigned bytes or float32; rank 2, 3 or 4, first dimension the count)
     * and its label file (unsigned bytes, rank 1, as many as the features have rows). Unsigned
     * bytes become {@code value / 255f} with {@code scaleToUnit}; float32 values stay as stored.
     */
    static LabeledArrays read(Path images, Path labels, boolean scaleToUnit) {
        IdxArray img = IdxReader.readCached(images);
        IdxArray lab = IdxReader.readCached(labels);
        if (img.dims().length < 2 || img.dims().length > 4) {
            throw new DatasetException(images + ": expected a feature file with 2 to 4 dimensions (count x rows x cols and the like), found "
                    + IdxArray.shapeText(img.dims()) + (img.dims().length == 1 ? " (is this a label file?)" : ""));
        }
        if (lab.dims().length != 1 || lab.type() != IdxReader.TYPE_UNSIGNED_BYTE) {
            throw new DatasetException(labels + ": expected a label file of unsigned bytes with 1 dimension (count), found "
                    + IdxReader.typeName(lab.type()) + " " + IdxArray.shapeText(lab.dims())
                    + (lab.dims().length > 1 ? " (is this an image file?)" : ""));
        }
        if (lab.count() != img.count()) {
            throw new DatasetException(labels + ": " + lab.count() + " labels for " + img.count() + " images in " + images);
        }
        int[] y = new int[lab.count()];
        for (int i = 0; i < y.length; i++) y[i] = lab.unsigned(i);
        float[] x = new float[Math.multiplyExact(img.count(), img.itemSize())];
        boolean bytes = img.type() == IdxReader.TYPE_UNSIGNED_BYTE;
        if (bytes && scaleToUnit) for (int i = 0; i < x.length; i++) x[i] = img.unsigned(i) / 255f;
        else for (int i = 0; i < x.length; i++) x[i] = img.value(i);
        if (!bytes) requireFinite(x, img.itemSize(), images);
        return new LabeledArrays(x, y, img.itemSize(), LabeledArrays.imageShape(img.dims()), labels.toString());
    }

    /** Float features must be finite: a NaN would silently poison every run. */
    static void requireFinite(float[] x, int featureDim, Object source) {
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new DatasetException(source + ": value " + x[i] + " at row " + i / featureDim + ", feature "
                        + i % featureDim + " is not a finite number");
            }
        }
    }

    /** {@code dir/base.gz} if present, else {@code dir/base}, else empty (IDX files come both ways). */
    public static Optional<Path> find(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) return Optional.of(gz);
        Path plain = dir.resolve(base);
        return Files.isRegularFile(plain) ? Optional.of(plain) : Optional.empty();
    }

    /** Parses the {@code scale} option: {@code unit} (default) or {@code none}. */
    static boolean scaleToUnit(DataOptions options) {
        return switch (options.string(DataOptions.SCALE, "unit")) {
            case "unit" -> true;
            case "none" -> false;
            default -> throw new DatasetException("data option scale must be unit or none, got '"
                    + options.string(DataOptions.SCALE, "") + "'");
        };
    }
}
