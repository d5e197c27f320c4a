package dev.onair.delivery.control;

import dev.onair.shared.NginxText;

import java.net.URI;
import java.nio.file.Path;

/**
 * The local edge: what CloudFront does in production, for playback on one machine. An nginx of its
 * own (its connections are not the encoders'), reading the bucket anonymously, caching by the
 * objects' Cache-Control, and under {@code privatePrefix} serving only requests whose CloudFront
 * signature OnAir accepts ({@code auth_request} to {@code authorize}). Only paths in the canonical
 * form of OnAir's object keys are served, and what is fetched from the bucket is the request's own
 * path, byte for byte: the path OnAir checks is the path that is served, by construction.
 *
 * @param host listen address; empty for every address
 * @param origin the S3-compatible endpoint (http://host:port), path-style
 */
public record EdgeConfig(Path dir, String host, int port, URI origin, String bucket, String privatePrefix,
                         URI authorize, String secret, int connections) {

    private static final int MIN_CONNECTIONS = 64;
    private static final int MAX_CONNECTIONS = 65536;
    /** Open files: a viewer's connection and the edge's to S3 or OnAir, plus logs and listeners. */
    private static final int FILES_PER_CONNECTION = 2;
    private static final int SPARE_FILES = 64;
    private static final int HTTP_PORT = 80;

    /** OnAir's object keys as request paths: letters, digits and {@code . _ -}, no empty or dot-led segment. */
    static final String CANONICAL_REQUEST = "^(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+([?][^#]*)?$";

    public EdgeConfig {
        NginxText.requirePort(port, "onair.edge.port");
        NginxText.requireHost(host, "onair.edge.host");
        if (!"http".equals(origin.getScheme()) || origin.getHost() == null || origin.getRawQuery() != null
                || origin.getRawPath() != null && !origin.getRawPath().isEmpty()) {
            throw new IllegalStateException("the local edge needs an http:// S3 endpoint without a path (onair.storage.endpoint), not " + origin);
        }
        if (!"http".equals(authorize.getScheme()) || authorize.getHost() == null) {
            throw new IllegalStateException("onair.edge.authorize-url must be an http:// URL, not " + authorize);
        }
        if (connections < MIN_CONNECTIONS || connections > MAX_CONNECTIONS) {
            throw new IllegalStateException("onair.edge.connections must be 64 to 65536, not " + connections);
        }
    }

    public String render() {
        StringBuilder conf = new StringBuilder();
        conf.append("# Rendered by OnAir from onair.edge.* (README \"Delivery\"). OnAir rewrites this file:\n")
            .append("# change the configuration, not the file.\n")
            .append("daemon off;\n")
            .append("master_process off;\n");
        NginxText.main(conf, dir, connections, connections * FILES_PER_CONNECTION + SPARE_FILES);
        conf.append("http {\n")
            .append("    access_log off;\n");
        NginxText.tempPaths(conf, dir);
        conf.append("    proxy_cache_path ").append(quoted(dir.resolve("cache")))
            .append(" levels=1:2 keys_zone=onair_edge:10m max_size=1g inactive=10m use_temp_path=off;\n")
            .append("    client_max_body_size 0;\n")
            .append("    client_header_timeout 10s;\n")
            .append("\n")
            .append("    upstream onair_bucket {\n")
            .append("        server ").append(origin.getHost()).append(':').append(origin.getPort() > 0 ? origin.getPort() : HTTP_PORT).append(";\n")
            .append("        keepalive 16;\n")
            .append("    }\n")
            .append("\n")
            .append("    upstream onair_authorize {\n")
            .append("        server ").append(authorize.getHost()).append(':').append(authorize.getPort() > 0 ? authorize.getPort() : HTTP_PORT).append(";\n")
            .append("    }\n")
            .append("\n")
            .append("    # The request's own path, never nginx's decoded and normalized $uri.\n")
            .append("    map $request_uri $onair_path {\n")
            .append("        \"~^(?<path>[^?]*)\" $path;\n")
            .append("    }\n")
            .append("\n")
            .append("    server {\n")
            .append("        listen ").append(NginxText.listen(host, port)).append(";\n")
            .append("        add_header Access-Control-Allow-Origin \"*\" always;\n")
            .append("        add_header X-Cache $upstream_cache_status always;\n")
            .append("\n")
            .append("        # Only the canonical form of an object key: no percent-escapes, dot segments, empty\n")
            .append("        # segments or backslashes, so no spelling of a path is checked as one object and served as another.\n")
            .append("        if ($request_uri !~ ").append(quoted(CANONICAL_REQUEST)).append(") {\n")
            .append("            return 400;\n")
            .append("        }\n")
            .append("\n")
            .append("        location / {\n")
            .append("            limit_except GET {\n")
            .append("                deny all;\n")
            .append("            }\n")
            .append(proxyToBucket())
            .append("        }\n")
            .append("        location /").append(privatePrefix).append(" {\n")
            .append("            limit_except GET {\n")
            .append("                deny all;\n")
            .append("            }\n")
            .append("            auth_request /_onair_authorize;\n")
            .append(proxyToBucket())
            .append("        }\n")
            .append("        location = /_onair_authorize {\n")
            .append("            internal;\n")
            .append("            proxy_pass http://onair_authorize").append(authorize.getRawPath()).append(";\n")
            .append("            proxy_pass_request_body off;\n")
            .append("            proxy_set_header Content-Length \"\";\n")
            .append("            proxy_set_header X-Original-URI $request_uri;\n")
            .append("            proxy_set_header X-OnAir-Edge-Secret ").append(quoted(secret)).append(";\n")
            .append("        }\n")
            .append("    }\n")
            .append("}\n");
        return conf.toString();
    }

    /** Fetches exactly the request's path from the bucket, without the query (a signature is not S3's business). */
    private String proxyToBucket() {
        return "            proxy_pass http://onair_bucket/" + bucket + "$onair_path;\n"
                + "            proxy_http_version 1.1;\n"
                + "            proxy_set_header Host " + quoted(origin.getRawAuthority()) + ";\n"
                + "            proxy_set_header Connection \"\";\n"
                + "            proxy_set_header Cookie \"\";\n"
                + "            proxy_set_header Authorization \"\";\n"
                + "            proxy_cache onair_edge;\n"
                + "            proxy_cache_key $onair_path;\n"
                + "            proxy_cache_lock on;\n"
                + "            proxy_cache_valid 404 1s;\n"
                + "            proxy_hide_header x-amz-request-id;\n"
                + "            proxy_hide_header x-amz-id-2;\n";
    }

    private static String quoted(Path path) {
        return NginxText.quoted(path);
    }

    private static String quoted(String value) {
        return NginxText.quoted(value);
    }
}
