package ibinit.train;

/** How a training run ended. */
public enum RunStatus {
    /** Every epoch ran. */
    COMPLETED,
    /** A loss became NaN or infinite; the epochs before it are kept. */
    DIVERGED,
    /** Stopped from outside (Ctrl-C); such a run is not saved as finished, so --resume runs it again. */
    INTERRUPTED,
    /** An error other than divergence (out of memory, a backend failure); the message says which. */
    FAILED;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
