package ibinit.info;

import ibinit.backend.Backend;
import ibinit.backend.Backends;

/** The backend the estimator tests train on: the CPU one when it runs here, else the Java reference. */
final class TestBackends {
    private TestBackends() { }

    static Backend fastest() {
        return Backends.probe("cpu").available() ? Backends.open("cpu") : Backends.reference();
    }
}
