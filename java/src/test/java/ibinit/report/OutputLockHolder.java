package ibinit.report;

import java.nio.file.Path;

/** A second process for {@link OutputLockTest}: locks the folder in args[0], says so, then waits to be killed. */
public final class OutputLockHolder {
    private OutputLockHolder() { }

    public static void main(String[] args) throws Exception {
        OutputLock lock = OutputLock.acquire(Path.of(args[0]), System.out::println);
        System.out.println("locked " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(120_000); // killed by the test long before
        lock.close();
    }
}
