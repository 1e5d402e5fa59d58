package dev.aei.ui.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** HAR text as a browser's DevTools save it: its own creator, a page, the page's request and sockets. */
final class BrowserHar {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BrowserHar() {
    }

    /** A page, a netra socket (ticket auth, so no JWT) and a dev server's hot-reload socket. */
    static String twoSockets() {
        return """
                {"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},
                 "pages":[{"startedDateTime":"2026-01-08T10:00:00.000Z","id":"page_1","title":"http://127.0.0.1:3000/chat",
                   "pageTimings":{"onContentLoad":120.5,"onLoad":180.2}}],
                 "entries":[
                  {"pageref":"page_1","startedDateTime":"2026-01-08T10:00:00.010Z","time":12.0,
                   "request":{"method":"GET","url":"http://127.0.0.1:3000/chat","httpVersion":"HTTP/1.1","headers":[],
                     "queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
                   "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"cookies":[],
                     "content":{"size":5,"mimeType":"text/html"},"redirectURL":"","headersSize":-1,"bodySize":5},
                   "cache":{},"timings":{"send":1,"wait":10,"receive":1}},
                  {"pageref":"page_1","startedDateTime":"2026-01-08T10:00:00.200Z","time":0,"_resourceType":"websocket",
                   "request":{"method":"GET","url":"ws://127.0.0.1:8000/ws?ticket=tk_9f3a6c2e","httpVersion":"HTTP/1.1",
                     "headers":[],"queryString":[{"name":"ticket","value":"tk_9f3a6c2e"}],"cookies":[],"headersSize":-1,"bodySize":0},
                   "response":{"status":101,"statusText":"Switching Protocols","httpVersion":"HTTP/1.1","headers":[],
                     "cookies":[],"content":{"size":0,"mimeType":"x-unknown"},"redirectURL":"","headersSize":-1,"bodySize":0},
                   "cache":{},"timings":{"send":0,"wait":0,"receive":0},
                   "_webSocketMessages":[
                    {"type":"receive","time":1767866400.25,"opcode":1,"data":"{\\"type\\":\\"connection_established\\",\\"data\\":{\\"user_id\\":\\"demo-use...\\",\\"connection_id\\":\\"c-1\\"}}"},
                    {"type":"send","time":1767866400.30,"opcode":1,"data":"{\\"type\\":\\"start_agent\\",\\"payload\\":{\\"user_request\\":\\"Compare Q3 costs\\",\\"thread_id\\":\\"t-1\\",\\"context\\":{\\"source\\":\\"message_input\\"},\\"settings\\":{}}}"},
                    {"type":"receive","time":1767866400.40,"opcode":1,"data":"{\\"type\\":\\"agent_started\\",\\"run_id\\":\\"run_t-1_04211_9f3a6c2e\\",\\"agent_name\\":\\"cost_optimizer\\",\\"timestamp\\":\\"2026-01-08T10:00:00.400+00:00\\",\\"data\\":{\\"status\\":\\"started\\"}}"},
                    {"type":"receive","time":1767866400.55,"opcode":1,"data":"{\\"type\\":\\"agent_thinking\\",\\"run_id\\":\\"run_t-1_04211_9f3a6c2e\\",\\"timestamp\\":\\"2026-01-08T10:00:00.550+00:00\\",\\"data\\":{\\"reasoning\\":\\"Looking at Q3\\"}}"},
                    {"type":"receive","time":1767866400.70,"opcode":1,"data":"{\\"type\\":\\"agent_completed\\",\\"run_id\\":\\"run_t-1_04211_9f3a6c2e\\",\\"timestamp\\":\\"2026-01-08T10:00:00.700+00:00\\",\\"data\\":{\\"status\\":\\"completed\\",\\"result\\":{\\"summary\\":\\"Q3 is 4% lower\\"}}}"}
                   ]},
                  {"pageref":"page_1","startedDateTime":"2026-01-08T10:00:00.050Z","time":0,"_resourceType":"websocket",
                   "request":{"method":"GET","url":"ws://127.0.0.1:3000/_next/webpack-hmr","httpVersion":"HTTP/1.1",
                     "headers":[],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
                   "response":{"status":101,"statusText":"Switching Protocols","httpVersion":"HTTP/1.1","headers":[],
                     "cookies":[],"content":{"size":0,"mimeType":"x-unknown"},"redirectURL":"","headersSize":-1,"bodySize":0},
                   "cache":{},"timings":{"send":0,"wait":0,"receive":0},
                   "_webSocketMessages":[
                    {"type":"receive","time":1767866400.06,"opcode":1,"data":"{\\"action\\":\\"sync\\",\\"hash\\":\\"abc\\"}"},
                    {"type":"receive","time":1767866400.07,"opcode":1,"data":"{\\"action\\":\\"sync\\",\\"hash\\":\\"abc\\"}"}
                   ]}
                 ]}}
                """;
    }

    /**
     * A page and three tabs of the chat, each its own socket (ticket auth) with one short run, saved as
     * Chromium's DevTools save a HAR.
     */
    static String threeSockets() {
        ObjectNode log = JSON.createObjectNode();
        log.put("version", "1.2");
        log.putObject("creator").put("name", "WebInspector").put("version", "537.36");
        log.putArray("pages").addObject().put("startedDateTime", "2026-01-08T10:00:00.000Z").put("id", "page_1")
                .put("title", "http://127.0.0.1:3000/chat");
        ArrayNode entries = log.putArray("entries");
        ObjectNode page = entries.addObject().put("pageref", "page_1").put("startedDateTime", "2026-01-08T10:00:00.010Z");
        page.putObject("request").put("method", "GET").put("url", "http://127.0.0.1:3000/chat").putArray("headers");
        page.putObject("response").put("status", 200).putArray("headers");
        double start = 1767866400.2; // 2026-01-08T10:00:00.2Z
        for (int tab = 1; tab <= 3; tab++) {
            double t = start + tab * 0.05;
            String run = "run_t-" + tab + "_0421" + tab + "_9f3a6c2e";
            ObjectNode socket = entries.addObject().put("pageref", "page_1").put("_resourceType", "websocket")
                    .put("startedDateTime", "2026-01-08T10:00:00.200Z");
            socket.putObject("request").put("method", "GET").put("url", "ws://127.0.0.1:8000/ws?ticket=tk_" + tab)
                    .putArray("headers");
            socket.putObject("response").put("status", 101).putArray("headers");
            ArrayNode messages = socket.putArray("_webSocketMessages");
            message(messages, "receive", t, "{\"type\":\"connection_established\",\"data\":{\"user_id\":\"demo-use...\"}}");
            message(messages, "send", t + 0.01, "{\"type\":\"start_agent\",\"payload\":{\"user_request\":\"Compare Q3\","
                    + "\"thread_id\":\"t-" + tab + "\"}}");
            message(messages, "receive", t + 0.02, "{\"type\":\"agent_started\",\"run_id\":\"" + run + "\"}");
            message(messages, "receive", t + 0.03, "{\"type\":\"agent_thinking\",\"run_id\":\"" + run
                    + "\",\"data\":{\"reasoning\":\"Looking at Q3\"}}");
            message(messages, "receive", t + 0.04, "{\"type\":\"agent_completed\",\"run_id\":\"" + run
                    + "\",\"data\":{\"result\":{\"summary\":\"4% lower\"}}}");
        }
        ObjectNode har = JSON.createObjectNode();
        har.set("log", log);
        return har.toPrettyString();
    }

    private static void message(ArrayNode messages, String type, double time, String data) {
        messages.addObject().put("type", type).put("time", time).put("opcode", 1).put("data", data);
    }
}
