package ibinit.data;

import java.util.List;

/**
 * A data file the project knows how to fetch: its name under a mirror's base URL, the checksums
 * that identify good copies (any one may match) and where those checksums come from.
 */
public record KnownFile(String dataset, String fileName, List<Checksum> checksums, String provenance) {
    public KnownFile {
        if (checksums.isEmpty()) throw new IllegalArgumentException(fileName + ": a known file needs a checksum");
        checksums = List.copyOf(checksums);
    }
}
