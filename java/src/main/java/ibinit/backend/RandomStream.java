package ibinit.backend;

/**
 * A position in a counter-based random stream: Philox key {@code seed}, sub-stream
 * {@code stream}, element index {@code offset}. The same triple gives the same numbers on every
 * backend, so initial weights never depend on where they were drawn.
 */
public record RandomStream(long seed, int stream, long offset) {
    public RandomStream {
        if (offset < 0) throw new IllegalArgumentException("random stream offset must be >= 0, got " + offset);
    }

    public static RandomStream of(long seed, int stream) { return new RandomStream(seed, stream, 0); }

    /** The position {@code n} elements further on. */
    public RandomStream skip(long n) { return new RandomStream(seed, stream, Math.addExact(offset, n)); }

    /** Another independent sub-stream of the same seed, from its start. */
    public RandomStream substream(int newStream) { return new RandomStream(seed, newStream, 0); }
}
