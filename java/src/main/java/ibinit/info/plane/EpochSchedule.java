package ibinit.info.plane;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The epochs at which the information plane is recorded, ascending; epoch 0 is the network
 * before training. Log-spaced by default, as in Shwartz-Ziv and Tishby's plots, so that the
 * fast early changes and the slow late ones both get points.
 */
public record EpochSchedule(int[] epochs) {
    public EpochSchedule {
        epochs = epochs.clone();
        if (epochs.length == 0) throw new IllegalArgumentException("an epoch schedule needs at least one epoch");
        for (int i = 0; i < epochs.length; i++) {
            if (epochs[i] < 0) throw new IllegalArgumentException("epochs must be >= 0, got " + epochs[i]);
            if (i > 0 && epochs[i] <= epochs[i - 1]) throw new IllegalArgumentException("epochs must increase: " + Arrays.toString(epochs));
        }
    }

    /**
     * Epoch 0, then round(10^(k / perDecade)) for k = 0, 1, ... while at most {@code last},
     * duplicates dropped, and {@code last} itself: 4 per decade up to 100 gives
     * 0, 1, 2, 3, 6, 10, 18, 32, 56, 100.
     */
    public static EpochSchedule logSpaced(int last, int perDecade) {
        if (last < 1) throw new IllegalArgumentException("the last epoch must be >= 1, got " + last);
        if (perDecade < 1) throw new IllegalArgumentException("points per decade must be >= 1, got " + perDecade);
        TreeSet<Integer> s = new TreeSet<>();
        s.add(0);
        for (int k = 0; ; k++) {
            long e = Math.round(Math.pow(10, (double) k / perDecade));
            if (e > last) break;
            s.add((int) e);
        }
        s.add(last);
        return new EpochSchedule(s.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * {@code log:P} (P points per decade, see {@link #logSpaced}) or a comma list of epochs
     * ({@code 0,1,2,3,5,8,13}); epochs past {@code last} are dropped.
     */
    public static EpochSchedule parse(String text, int last) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("log:")) return logSpaced(last, Integer.parseInt(t.substring(4).trim()));
            TreeSet<Integer> s = new TreeSet<>();
            for (String part : t.split(",")) {
                int e = Integer.parseInt(part.trim());
                if (e < 0) throw new IllegalArgumentException("--record-epochs: epochs must be >= 0, got " + e);
                if (e <= last) s.add(e);
            }
            if (s.isEmpty()) throw new IllegalArgumentException("--record-epochs '" + text + "' names no epoch in 0.." + last);
            return new EpochSchedule(s.stream().mapToInt(Integer::intValue).toArray());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--record-epochs '" + text + "' is neither log:P nor a comma list of epochs");
        }
    }

    @Override public int[] epochs() { return epochs.clone(); }

    public boolean contains(int epoch) { return Arrays.binarySearch(epochs, epoch) >= 0; }

    public int last() { return epochs[epochs.length - 1]; }

    @Override public boolean equals(Object o) { return o instanceof EpochSchedule s && Arrays.equals(epochs, s.epochs); }

    @Override public int hashCode() { return Arrays.hashCode(epochs); }

    @Override public String toString() { return Arrays.toString(epochs); }
}
