package dev.aei.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Java source of the Gatling simulation for a {@link LoadScript}: one scenario per recorded
 * user, spelled out in the Gatling Java DSL (connect, wait for ready, each message with the steps of
 * its run as checks), over the support classes shipped beside it.
 */
final class SimulationSource {
    /** The package of every generated class. */
    static final String PACKAGE = "aei.loadtest";

    private static final String INDENT = "            ";
    private static final String CHECK_INDENT = INDENT + "                ";

    private final ObjectMapper json = new ObjectMapper();
    private final StringBuilder out = new StringBuilder();

    private SimulationSource() {
    }

    /** The simulation class {@code className} for the script; {@code recording} names the file it came from. */
    static String render(LoadScript script, GatlingSettings settings, String className, String recording) {
        return new SimulationSource().write(script, settings, className, recording);
    }

    private String write(LoadScript script, GatlingSettings settings, String className, String recording) {
        List<String> fields = fieldNames(script.lanes());
        header(script, className, recording);
        line("    /** Server, users, ramp, run timeout and ticket URL, unless -Daei.… says otherwise (see README.md). */");
        line("    static final LoadSettings SETTINGS = LoadSettings.read(" + JavaText.literal(script.server()) + ", "
                + settings.users() + ", " + JavaText.literal(text(settings.ramp())) + ", "
                + JavaText.literal(text(settings.runTimeout())) + ",");
        line("            " + JavaText.literal(script.ticketUrl()) + ");");
        line("");
        wire(script);
        if ("ticket".equals(script.authMode())) {
            line("    /** The body of a ticket request; ${token} is the virtual user's token. */");
            line("    static final String TICKET_BODY = " + JavaText.literal(script.ticket().body().json()) + ";");
            line("");
        }
        for (int i = 0; i < script.lanes().size(); i++) {
            constants(script.lanes().get(i), fields.get(i));
        }
        for (int i = 0; i < script.lanes().size(); i++) {
            scenario(script, script.lanes().get(i), fields.get(i));
        }
        line("    HttpProtocolBuilder httpProtocol = http.wsAutoReplyTextFrame(WIRE::reply);");
        line("");
        line("    {");
        line("        // a failed request (a step out of order, a run too slow, a leak) fails the build");
        line("        setUp(SETTINGS.populations(List.of(" + String.join(", ", fields) + ")))");
        line("                .protocols(httpProtocol)");
        line("                .assertions(global().failedRequests().count().is(0L));");
        line("    }");
        line("}");
        return out.toString();
    }

    private void header(LoadScript script, String className, String recording) {
        line("package " + PACKAGE + ";");
        line("");
        line("import static io.gatling.javaapi.core.CoreDsl.*;");
        line("import static io.gatling.javaapi.http.HttpDsl.*;");
        line("");
        line("import io.gatling.javaapi.core.ScenarioBuilder;");
        line("import io.gatling.javaapi.core.Simulation;");
        line("import io.gatling.javaapi.http.HttpProtocolBuilder;");
        line("import java.util.List;");
        line("import java.util.Map;");
        line("");
        line("/**");
        line(" * The recording " + comment(recording) + " as a load test (event profile " + comment(script.profileName())
                + ", auth mode " + script.authMode() + ").");
        line(" * Each virtual user of a recorded user signs in as {@code <recorded id>-<n>}, connects, waits for");
        line(" * the ready event, sends the recorded messages with its own canaries and thread ids, and checks");
        line(" * that each run's events arrive in the recorded order within the run timeout and that no frame of");
        line(" * another virtual user reaches it. Written by {@code aei export gatling}; settings in README.md.");
        line(" */");
        line("public class " + className + " extends Simulation {");
        line("");
    }

    private void wire(LoadScript script) {
        LoadScript.Wire wire = script.wire();
        line("    /** How the backend's frames are read (profile " + comment(script.profileName()) + "). */");
        line("    static final AgentWire WIRE = new AgentWire(");
        line("            new AgentWire.Fields(");
        line("                    " + list(wire.type()) + ",");
        line("                    " + list(wire.user()) + ",");
        line("                    " + list(wire.run()) + ",");
        line("                    " + list(wire.tool()) + "),");
        line("            " + map(wire.stepRoles()) + ",");
        line("            " + map(wire.replies()) + ",");
        line("            " + JavaText.literal(wire.canaryPrefix()) + ",");
        line("            " + list(script.lanes().stream().map(LoadScript.Lane::id).toList()) + ");");
        line("");
    }

    private void constants(LoadScript.Lane lane, String field) {
        String prefix = JavaText.constant(field);
        line("    /** " + comment(lane.id()) + "'s token claims besides sub, iat, exp, jti; ${user_id} is the virtual user. */");
        line("    static final String " + prefix + "_CLAIMS = " + JavaText.literal(claims(lane.claims())) + ";");
        for (int m = 0; m < lane.messages().size(); m++) {
            LoadScript.Message message = lane.messages().get(m);
            line("    /** " + comment(lane.id()) + "'s message " + (m + 1) + (message.steps().isEmpty() ? ""
                    : ", which started a run of " + message.steps().size() + " events") + ". */");
            line("    static final String " + prefix + "_MESSAGE_" + (m + 1) + " = " + JavaText.literal(message.template())
                    + ";");
        }
        line("");
    }

    private void scenario(LoadScript script, LoadScript.Lane lane, String field) {
        String prefix = JavaText.constant(field);
        line("    ScenarioBuilder " + field + " = scenario(" + JavaText.literal(lane.id()) + ")");
        line(INDENT + ".feed(WIRE.users(" + JavaText.literal(lane.id()) + ", SETTINGS.userOffset(), "
                + lane.messages().size() + ", " + lane.threads() + "))");
        line(INDENT + ".exec(SETTINGS.signIn(" + prefix + "_CLAIMS))");
        connect(script, lane);
        for (int m = 0; m < lane.messages().size(); m++) {
            message(lane.messages().get(m), prefix + "_MESSAGE_" + (m + 1), m);
        }
        line(INDENT + ".exec(ws(\"close\").close());");
        line("");
    }

    private void connect(LoadScript script, LoadScript.Lane lane) {
        String connect = switch (script.authMode()) {
            case "subprotocol" -> ".exec(ws(\"connect\").connect(SETTINGS.server()).subprotocol(\"jwt.#{aeiToken}\")";
            case "query" -> ".exec(ws(\"connect\").connect(session -> AgentWire.withQuery(SETTINGS.server(), \"token\", "
                    + "session.getString(AgentWire.TOKEN)))";
            case "ticket" -> ".exec(ws(\"connect\").connect(session -> AgentWire.withQuery(SETTINGS.server(), "
                    + JavaText.literal(script.ticket().queryParam()) + ", session.getString(AgentWire.TICKET)))";
            default -> ".exec(ws(\"connect\").connect(SETTINGS.server()).header(\"Authorization\", \"Bearer #{aeiToken}\")";
        };
        if ("ticket".equals(script.authMode())) {
            line(INDENT + ".exec(http(\"ticket\").post(SETTINGS.requiredTicketUrl())"
                    + (script.ticket().bearer() ? ".header(\"Authorization\", \"Bearer #{aeiToken}\")" : ""));
            line(INDENT + "        .body(StringBody(session -> WIRE.fill(TICKET_BODY, session))).asJson()");
            line(INDENT + "        .check(jsonPath(" + JavaText.literal("$." + script.ticket().answerField())
                    + ").saveAs(AgentWire.TICKET)))");
        }
        if (lane.readyType() == null) {
            line(INDENT + connect + ")");
        } else {
            line(INDENT + connect);
            line(INDENT + "        .await(SETTINGS.readyTimeout()).on(WIRE.ready(" + JavaText.literal(lane.readyType())
                    + ")))");
        }
    }

    private void message(LoadScript.Message message, String constant, int index) {
        String send = ".exec(ws(" + JavaText.literal(message.name()) + ").sendText(session -> WIRE.render(" + constant
                + ", session, " + index + ", " + message.thread() + "))";
        if (message.steps().isEmpty()) {
            line(INDENT + send + ")");
            return;
        }
        line(INDENT + send);
        line(INDENT + "        .await(SETTINGS.runTimeout()).on(");
        List<LoadScript.Step> steps = message.steps();
        for (int s = 0; s < steps.size(); s++) {
            LoadScript.Step step = steps.get(s);
            String tool = step.tool() == null ? "" : ", " + JavaText.literal(step.tool());
            line(CHECK_INDENT + "WIRE." + (s == 0 ? "firstStep(" : "step(") + JavaText.literal(step.name()) + ", "
                    + JavaText.literal(step.role()) + tool + ")" + (s == steps.size() - 1 ? "))" : ","));
        }
    }

    /** One field name per lane: its id as an identifier, unique among the lanes and the class's own fields. */
    private static List<String> fieldNames(List<LoadScript.Lane> lanes) {
        Set<String> taken = new HashSet<>(Set.of("httpProtocol"));
        List<String> names = new ArrayList<>();
        for (LoadScript.Lane lane : lanes) {
            String base = JavaText.identifier(lane.id(), "user");
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + n;
            }
            names.add(name);
        }
        return names;
    }

    private String claims(Map<String, Object> claims) {
        try {
            return json.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("claims that are not JSON: " + claims.keySet(), e);
        }
    }

    private static String list(List<String> items) {
        return items.stream().map(JavaText::literal).collect(Collectors.joining(", ", "List.of(", ")"));
    }

    private static String map(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return "Map.of()";
        }
        return entries.entrySet().stream()
                .map(e -> "Map.entry(" + JavaText.literal(e.getKey()) + ", " + JavaText.literal(e.getValue()) + ")")
                .collect(Collectors.joining(",\n                    ", "Map.ofEntries(\n                    ", ")"));
    }

    /** {@code 60s}, or {@code 1500ms} when not whole seconds. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Text safe inside a Javadoc comment. */
    private static String comment(String text) {
        // a backslash could start a unicode escape, which javac reads even in comments
        return String.valueOf(text).replace("*/", "*&#47;").replace('\\', '/').replaceAll("[\\r\\n]", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
