package ibinit.cli;

import ibinit.train.BuildInfo;
import picocli.CommandLine;

/** Version, git commit and dirty flag recorded when this copy was built (see BuildInfo). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ibinit " + BuildInfo.current().describe(), "Java " + Runtime.version()};
    }
}
