package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The recorded checksums against the real copies on this machine. */
class KnownFilesTest {
    @Test
    void debianFashionMnistFilesMatchRecordedSha256() {
        Path dir = TestData.fashionMnistDir();
        for (KnownFile f : KnownFiles.forDataset("fashion-mnist")) {
            Checksum sha = f.checksums().stream().filter(c -> c.algorithm() == Checksum.Algorithm.SHA_256).findFirst().orElseThrow();
            assertTrue(sha.matches(dir.resolve(f.fileName())), f.fileName());
        }
    }

    @Test
    void sharedMnistTestFilesMatchRecordedMd5() {
        Path dir = TestData.mnistDir();
        int checked = 0;
        for (KnownFile f : KnownFiles.forDataset("mnist")) {
            if (!f.fileName().startsWith("t10k")) continue;
            assertTrue(f.checksums().getFirst().matches(dir.resolve(f.fileName())), f.fileName());
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void everyDownloadableDatasetHasFourFilesAndAMirror() {
        for (String d : new String[] {"fashion-mnist", "mnist"}) {
            assertEquals(4, KnownFiles.forDataset(d).size());
            assertTrue(Mirrors.DEFAULT_BASE_URLS.containsKey(d), d);
        }
        assertThrows(DatasetException.class, () -> KnownFiles.forDataset("cifar10"));
    }
}
