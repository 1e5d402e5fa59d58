package dev.aei.cli;

import dev.aei.server.BackendConfig;
import dev.aei.server.EventShape;
import dev.aei.server.FaultPlan;
import dev.aei.server.FaultRule;
import dev.aei.server.InputMode;
import dev.aei.server.ReferenceBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code demo-server} command: runs the embedded reference backend until interrupted. */
@Command(name = "demo-server", mixinStandardHelpOptions = true,
        description = "Run the reference agent backend (real JWT auth, scripted runs, fault injection) until Ctrl+C.")
public final class DemoServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8765", description = "WebSocket port, 0 for a free one (default ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--secret", description = "HS256 secret tokens must be signed with (default: the demo secret).")
    private String secret = BackendConfig.DEMO_SECRET;

    @Option(names = "--faults", paramLabel = "plan.json", description = "Fault plan file: a JSON array of {user, run, event, fault, ...} (see the README).")
    private Path faults;

    @Option(names = "--delay-ms", defaultValue = "150", description = "Pause between events of a run (default ${DEFAULT-VALUE}).")
    private long delayMs;

    @Option(names = "--strict-netra", description = "Send the real backend's shapes: no seq, no tool_call_id, mixed flat/data events.")
    private boolean strictNetra;

    @Option(names = "--heartbeat-s", defaultValue = "0",
            description = "Send a heartbeat event (with data.stats) every N seconds (default: never).")
    private int heartbeatSeconds;

    @Option(names = "--netra-auth",
            description = "Refuse tokens without the real auth service's claims: iss=netra-auth-service, "
                    + "aud=netra-platform|netra-services|netra-admin, token_type=access.")
    private boolean netraAuth;

    @Option(names = "--input", defaultValue = "any", paramLabel = "user_message|start_agent|any",
            converter = InputModeConverter.class,
            description = "Which client message starts a run (default ${DEFAULT-VALUE}). start_agent: a thread "
                    + "starts with start_agent, user_message follows up in it. Others get an error_message.")
    private InputMode input;

    @Option(names = "--shape", defaultValue = "bridge", paramLabel = "bridge|web-client",
            converter = ShapeConverter.class,
            description = "Where events carry their fields (default ${DEFAULT-VALUE}): bridge = tool names at the "
                    + "root, the rest under data, as the real backend's bridge sends them; web-client = under "
                    + "payload, where the real web client reads them, with a final_report just before each "
                    + "completion.")
    private EventShape shape;

    /** Reads {@code --shape} by its command-line name. */
    static final class ShapeConverter implements ITypeConverter<EventShape> {
        @Override
        public EventShape convert(String value) {
            try {
                return EventShape.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --input} by its command-line name. */
    static final class InputModeConverter implements ITypeConverter<InputMode> {
        @Override
        public InputMode convert(String value) {
            try {
                return InputMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Released by the shutdown hook once the backend is closed. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReferenceBackend backend;
        try {
            List<FaultRule> rules = faults == null ? List.of() : FaultPlan.load(faults).rules();
            BackendConfig config = new BackendConfig(host, port, secret, delayMs, strictNetra, rules, heartbeatSeconds,
                    netraAuth, input, shape);
            backend = ReferenceBackend.start(config);
        } catch (IOException | IllegalArgumentException e) {
            err.println("demo-server: " + e.getMessage());
            return Main.USAGE_OR_IO;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.close();
            stopped.countDown();
        }, "demo-server-shutdown"));
        printBanner(out, backend);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            backend.close();
        }
        return Main.OK;
    }

    private String modes() {
        List<String> modes = new ArrayList<>();
        if (strictNetra) {
            modes.add("strict netra shapes");
        }
        if (netraAuth) {
            modes.add("netra auth claims");
        }
        if (shape != EventShape.BRIDGE) {
            modes.add(shape.label() + " shape");
        }
        return modes.isEmpty() ? "" : " (" + String.join(", ", modes) + ")";
    }

    private String inputHint() {
        return switch (input) {
            case ANY -> "user_message, start_agent or chat starts a run";
            case USER_MESSAGE -> "only user_message starts a run";
            case START_AGENT -> "start_agent starts a thread; user_message follows up in a started thread";
        };
    }

    private void printBanner(PrintWriter out, ReferenceBackend backend) {
        out.println("Reference backend running" + modes() + ".");
        out.println("  WebSocket: " + backend.webSocketUrl());
        out.println("  Input:     " + inputHint());
        out.println("  Tickets:   POST " + backend.webClientTicketUrl()
                + "  Authorization: Bearer JWT, {\"ttl_seconds\":300,\"single_use\":true}");
        out.println("             POST " + backend.ticketUrl() + "  {\"token\":JWT}");
        out.println("  Login:     POST " + backend.loginUrl() + "  {\"username\":ID,\"password\":\"demo\"}");
        out.println("  Faults:    GET/PUT " + backend.faultsUrl() + "  (" + backend.faults().size() + " rules now)");
        out.println("  Secret:    " + backend.config().secret());
        out.println("Record against it:");
        out.println("  java -jar target/aei.jar record --server " + backend.webSocketUrl() + " --secret "
                + backend.config().secret() + (netraAuth ? " --issuer netra-auth-service --audience netra-platform"
                + " --claim token_type=access" : "")
                + " --user alice --user bob --prompt \"hello\" --until-complete --out session.jsonl");
        out.println("Ctrl+C stops it.");
        out.flush();
    }
}
