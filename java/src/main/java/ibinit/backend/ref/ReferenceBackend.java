package ibinit.backend.ref;

/** Placeholder: the plain-Java reference backend is being written. */
public abstract class ReferenceBackend extends ibinit.backend.AbstractBackend {
    public static ibinit.backend.Backend create() { throw new UnsupportedOperationException("not yet"); }
}
