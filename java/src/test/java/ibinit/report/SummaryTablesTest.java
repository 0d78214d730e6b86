package ibinit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.train.RunResult;
import ibinit.train.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTablesTest {
    private final List<RunResult> results = List.of(
            Fixtures.result(Fixtures.spec("kaiming-normal", "4-8-3", 1), RunStatus.COMPLETED, 30, 20, 25),
            Fixtures.result(Fixtures.spec("kaiming-normal", "4-8-3", 2), RunStatus.COMPLETED, 22, 24, 26),
            Fixtures.result(Fixtures.spec("normal", "4-8-3", 1), RunStatus.DIVERGED, 40),
            Fixtures.result(Fixtures.spec("normal", "4-8-3", 2), RunStatus.FAILED));

    @Test
    void rowsAggregateSeedsPerMethodAndArchitecture() {
        GridSummary s = GridSummary.of(results);
        assertEquals(2, s.rows().size());
        GridSummary.Row k = s.rows().get(0);
        assertEquals(2, k.counted());
        assertEquals(21, k.meanError(), 1e-12);
        assertEquals(Math.sqrt(2), k.stdError(), 1e-12); // errors 20 and 22, sample std
        assertEquals(1.5, k.meanEpoch(), 1e-12);         // epochs 2 and 1
        assertEquals("21.00 ± 1.41 (1.5)", k.cell());
        GridSummary.Row n = s.rows().get(1);
        assertEquals(1, n.counted());
        assertEquals("1 diverged, 1 failed", n.notes());
        assertEquals("40.00 (1.0)", n.cell());
    }

    @Test
    void consoleMarkdownAndCsvCarryTheSameCells() {
        GridSummary s = GridSummary.of(results);
        String table = SummaryTables.console(s);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("kaiming-normal") && l.contains("21.00 ± 1.41 (1.5)")), table);
        String md = SummaryTables.markdown(s, "grid");
        assertTrue(md.contains("| kaiming-normal | 4-8-3 | 21.00 ± 1.41 (1.5) | 2 |  |"), md);
        String csv = SummaryTables.csv(s);
        assertEquals(3, csv.lines().count());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("kaiming-normal,4-8-3,2,2,0,0,21.0000,1.41421,20.0000,22.0000,1.50000"), csv);
        String runs = SummaryTables.runsCsv(results);
        assertEquals(5, runs.lines().count());
        assertTrue(runs.contains("normal,4-8-3,relu,2,failed,,0,0,"), runs);
    }

    @Test
    void csvQuotesFieldsWithCommas() {
        assertEquals("\"a,b\"", SummaryTables.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", SummaryTables.csv("say \"hi\""));
        assertEquals("plain", SummaryTables.csv("plain"));
    }
}
