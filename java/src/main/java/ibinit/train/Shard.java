package ibinit.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Shard {@code index} of {@code count} (from 0, as Slurm numbers array tasks): the cells of a grid
 * whose position modulo {@code count} is {@code index}. Round robin rather than blocks, so every
 * shard gets a mix of methods and architectures and the shards take about equally long. The
 * partition depends only on the grid's order, which is fixed by the command line; the union of
 * all shards is the grid, each cell exactly once.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard must be I/N with 0 <= I < N, got " + index + "/" + count);
        }
    }

    /** The whole grid as one shard. */
    public static final Shard ALL = new Shard(0, 1);

    /** Parses {@code I/N}, e.g. {@code 0/4} (Slurm: {@code $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT}). */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length != 2) throw new NumberFormatException();
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be I/N with 0 <= I < N (e.g. 0/4), got '" + text + "'");
        }
    }

    /** This shard's cells, in grid order. */
    public <T> List<T> select(List<T> grid) {
        List<T> out = new ArrayList<>();
        for (int i = index; i < grid.size(); i += count) out.add(grid.get(i));
        return List.copyOf(out);
    }

    @Override public String toString() { return index + "/" + count; }
}
