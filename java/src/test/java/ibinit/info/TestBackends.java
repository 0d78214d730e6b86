package ibinit.info;

import ibinit.backend.Backend;
import ibinit.backend.Backends;

/**
 * The backend the estimator tests train on: the one forced by -Dibinit.backend / IBINIT_BACKEND
 * (the GPU run forces cuda), else the CPU one when it runs here, else the Java reference.
 */
final class TestBackends {
    private TestBackends() { }

    static Backend fastest() {
        String forced = Backends.requested();
        if (forced != null) return Backends.open(forced);
        return Backends.probe("cpu").available() ? Backends.open("cpu") : Backends.reference();
    }
}
