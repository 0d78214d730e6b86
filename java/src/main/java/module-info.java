/**
 * ibinit, the library: neural-network initialization methods of the information-bottleneck
 * literature and the classic baselines, their training and measurement harness, and native
 * backends reached through the FFM API. Open, because run results and checkpoints are records
 * that Gson reads and writes by reflection. A program using it on the module path enables the
 * native backends with {@code --enable-native-access=ibinit.core} (on the class path:
 * {@code ALL-UNNAMED}). The command line is the separate artifact {@code ibinit-cli}.
 */
open module ibinit.core {
    requires transitive com.google.gson;
    requires java.desktop;   // plots: java.awt, javax.imageio
    requires java.net.http;  // data downloads

    exports ibinit.api;
    exports ibinit.backend;
    exports ibinit.backend.cpu;
    exports ibinit.backend.cuda;
    exports ibinit.backend.ffm;
    exports ibinit.backend.ref;
    exports ibinit.data;
    exports ibinit.experiment;
    exports ibinit.info;
    exports ibinit.info.ib;
    exports ibinit.info.plane;
    exports ibinit.init;
    exports ibinit.init.ibci;
    exports ibinit.init.scales;
    exports ibinit.init.sparse;
    exports ibinit.nn;
    exports ibinit.report;
    exports ibinit.rng;
    exports ibinit.sparse;
    exports ibinit.sparse.ib;
    exports ibinit.tensor;
    exports ibinit.text;
    exports ibinit.train;
    exports ibinit.train.smoothing;
    exports ibinit.weights;
}
