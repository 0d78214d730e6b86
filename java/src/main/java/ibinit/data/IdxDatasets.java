package ibinit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Turns an IDX image file and its label file into a {@link Dataset}, checking that they belong together. */
public final class IdxDatasets {
    private IdxDatasets() { }

    /**
     * Reads {@code images} (rank 3: count x rows x cols) and {@code labels} (rank 1, values below
     * {@code classes}). With {@code scaleToUnit} pixels become {@code value / 255f} in [0, 1],
     * otherwise they stay 0..255.
     */
    public static Dataset load(Path images, Path labels, int classes, String name, boolean scaleToUnit) {
        IdxArray img = IdxReader.read(images);
        IdxArray lab = IdxReader.read(labels);
        if (img.dims().length != 3) {
            throw new DatasetException(images + ": expected an image file with 3 dimensions (count x rows x cols), found "
                    + IdxArray.shapeText(img.dims()) + (img.dims().length == 1 ? " (is this a label file?)" : ""));
        }
        if (lab.dims().length != 1) {
            throw new DatasetException(labels + ": expected a label file with 1 dimension (count), found "
                    + IdxArray.shapeText(lab.dims()) + " (is this an image file?)");
        }
        if (lab.count() != img.count()) {
            throw new DatasetException(labels + ": " + lab.count() + " labels for " + img.count() + " images in " + images);
        }
        int[] y = new int[lab.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = lab.unsigned(i);
            if (y[i] >= classes) {
                throw new DatasetException(labels + ": label " + y[i] + " at index " + i + " is outside 0.." + (classes - 1));
            }
        }
        byte[] px = img.data();
        float[] x = new float[px.length];
        if (scaleToUnit) for (int i = 0; i < px.length; i++) x[i] = (px[i] & 0xff) / 255f;
        else for (int i = 0; i < px.length; i++) x[i] = px[i] & 0xff;
        int[] shape = {1, img.dims()[1], img.dims()[2]};
        return new Dataset(name, x, y, img.itemSize(), classes, shape);
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
