package kg.neo4j;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * A Neo4j 5 (community) test server: an embedded DBMS with only a Bolt connector.
 *
 * <pre>
 * java -Xmx1g -cp 'target/classes:target/lib/*' kg.neo4j.Server --port N --data-dir DIR [--password PW]
 *      [--exit-on-stdin-eof]
 * </pre>
 *
 * DIR is the Neo4j home: data/ and logs/ (debug.log) go under it; it is created if missing and may be
 * reused. Bolt listens on 127.0.0.1:N (no TLS), HTTP is off, auth is on with user {@code neo4j} and
 * the given password (default {@code kg-test-password}, no password change required). Prints
 * {@code READY bolt://127.0.0.1:N} on stdout once the password is set and Bolt accepts TCP
 * connections; the Neo4j user log goes to stderr. SIGTERM/SIGINT shut it down cleanly (exit code 143
 * and 130, as for any JVM). With {@code --exit-on-stdin-eof} it also shuts down when its stdin closes,
 * so a harness that dies without stopping it does not leave it running.
 */
public final class Server {
    private static final String HOST = "127.0.0.1";
    private static final String DEFAULT_PASSWORD = "kg-test-password";

    private Server() {}

    public static void main(String[] args) throws Exception {
        Integer port = null;
        Path dataDir = null;
        String password = DEFAULT_PASSWORD;
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--exit-on-stdin-eof")) {
                exitOnStdinEof = true;
                continue;
            }
            if (i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            switch (a) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--password" -> password = args[++i];
                default -> usage("unknown argument " + a);
            }
        }
        if (port == null || dataDir == null) {
            usage("--port and --data-dir are required");
        }
        if (password.length() < 8) {
            usage("password must be at least 8 characters (Neo4j's minimum)");
        }
        Files.createDirectories(dataDir);
        long t0 = System.nanoTime();

        DatabaseManagementService service = null;
        try {
            service = build(dataDir, port);
        } catch (Throwable t) {
            fail(t); // e.g. the port is taken; exit rather than linger on Neo4j's threads
        }

        long t1 = System.nanoTime();
        DatabaseManagementService dbms = service;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "kg-neo4j-shutdown"));

        try {
            // A fresh DBMS has user neo4j with password "neo4j" and "change required"; set ours on every
            // start, through the embedded API, which is not subject to auth.
            setPassword(dbms, password);
            waitForBolt(port);
        } catch (Throwable t) {
            fail(t); // runs the shutdown hook
        }

        long t2 = System.nanoTime();
        System.err.printf("kg.neo4j.Server: DBMS started in %d ms, password set in %d ms (JVM up %d ms)%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();
        if (exitOnStdinEof) {
            // The parent (a test harness) holds our stdin open; if it dies without stopping us, we stop.
            Thread watchdog = new Thread(() -> {
                try {
                    while (System.in.read() != -1) {
                        // ignore input
                    }
                } catch (IOException ignored) {
                    // treat as EOF
                }
                System.err.println("kg.neo4j.Server: stdin closed, shutting down");
                System.exit(0);
            }, "kg-neo4j-stdin-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        stopped.await(); // until SIGTERM/SIGINT runs the shutdown hook
    }

    private static DatabaseManagementService build(Path home, int port) {
        return new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.err, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Never phone home (usage data collector); the neo4j-udc jar is also excluded in the pom.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                // Modest memory: it runs with -Xmx1g on a 2-core machine.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.tx_state_memory_allocation,
                        GraphDatabaseSettings.TransactionStateMemoryAllocation.ON_HEAP)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
                // Stop Bolt's Netty event loops at once on shutdown (defaults wait 2 x 5 s).
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .build();
    }

    /**
     * A fresh DBMS has user neo4j with password "neo4j" and "change required". Set ours through the
     * embedded API (not subject to auth) on every start; a restart on the same data dir with the same
     * password is refused by Neo4j ("Old password and new password cannot be the same"), which is fine.
     */
    private static void setPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().contains("Old password and new password cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }
    }

    private static void waitForBolt(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("Bolt did not accept connections on " + HOST + ":" + port, last);
    }

    private static void fail(Throwable t) {
        t.printStackTrace();
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        System.err.println("kg.neo4j.Server: FAILED: " + t + (root != t ? " (root cause: " + root + ")" : ""));
        System.exit(1);
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: kg.neo4j.Server --port N --data-dir DIR [--password PW] [--exit-on-stdin-eof]");
        System.exit(2);
    }
}
