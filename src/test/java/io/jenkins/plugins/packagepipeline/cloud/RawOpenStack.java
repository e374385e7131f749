package io.jenkins.plugins.packagepipeline.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Service;
import org.openstack4j.model.identity.v3.Token;

/** Direct REST calls with the session's token, for what tests check that OpenStack4j does not expose. */
final class RawOpenStack {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RawOpenStack() {
    }

    static String endpoint(CloudSession session, String type) {
        Token token = session.currentToken();
        for (Service service : token.getCatalog()) {
            if (type.equals(service.getType())) {
                for (Endpoint endpoint : service.getEndpoints()) {
                    if ("public".equals(endpoint.getIface().value())) {
                        return endpoint.getUrl().toString().replaceAll("/+$", "");
                    }
                }
            }
        }
        throw new IllegalStateException("no " + type + " endpoint");
    }

    /** Sends {@code method url} with an optional JSON body; returns status and parsed body. */
    static Answer call(CloudSession session, String method, String url, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("X-Auth-Token", session.currentToken().getId()).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response.body());
    }

    record Answer(int status, JsonNode json, String text) {
    }
}
