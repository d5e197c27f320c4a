package dev.onair.api;

import dev.onair.api.admin.AdminAccountsResource;
import dev.onair.api.admin.AdminLoginsResource;
import dev.onair.api.auth.AuthResource;
import dev.onair.api.auth.TokenResource;
import dev.onair.api.channels.ChannelViewersResource;
import dev.onair.api.channels.ChannelsResource;
import dev.onair.api.channels.ShareLinkResource;
import dev.onair.api.edge.EdgeResource;
import dev.onair.api.events.EventsResource;
import dev.onair.api.ingest.IngestCallbacksResource;
import dev.onair.api.me.ApiClientsResource;
import dev.onair.api.me.MeResource;
import dev.onair.api.studio.StudioResource;
import dev.onair.api.webhooks.WebhooksResource;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an API client may call, as the resources declare it: every operation either names the
 * scope a client needs, or is public, or is for people only; and the table below is what the
 * README and the OpenAPI document promise.
 */
class ScopeCheckTest {

    private static final List<Class<?>> RESOURCES = List.of(AdminAccountsResource.class, AdminLoginsResource.class,
            AuthResource.class, ChannelViewersResource.class, ChannelsResource.class, ShareLinkResource.class,
            EdgeResource.class, EventsResource.class, IngestCallbacksResource.class, ApiClientsResource.class, MeResource.class,
            StudioResource.class, TokenResource.class, WebhooksResource.class);

    /** Operations no API client may call: a person signed in only (a client cannot make or keep clients, or read sign-ins). */
    private static final Set<String> PEOPLE_ONLY = Set.of(
            "POST /me/clients", "GET /me/clients", "GET /me/clients/{id}", "POST /me/clients/{id}/rotation",
            "DELETE /me/clients/{id}", "GET /me/logins", "GET /me/notices");

    private static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /channels", List.of(Scopes.CHANNELS_READ)),
            Map.entry("GET /channels/{id}", List.of(Scopes.CHANNELS_READ)),
            Map.entry("GET /channels/{id}/replay", List.of(Scopes.CHANNELS_READ)),
            Map.entry("PATCH /channels/{id}", List.of(Scopes.CHANNELS_WRITE)),
            Map.entry("POST /channels/{id}/end", List.of(Scopes.CHANNELS_WRITE)),
            Map.entry("GET /channels/{id}/health", List.of(Scopes.CHANNELS_READ)),
            Map.entry("GET /channels/{id}/events", List.of(Scopes.EVENTS_READ)),
            Map.entry("GET /channels/{id}/share-link", List.of(Scopes.CHANNELS_READ)),
            Map.entry("POST /channels/{id}/share-link", List.of(Scopes.CHANNELS_WRITE)),
            Map.entry("DELETE /channels/{id}/share-link", List.of(Scopes.CHANNELS_WRITE)),
            Map.entry("GET /channels/{id}/viewers", List.of(Scopes.CHANNELS_READ)),
            Map.entry("POST /channels/{id}/viewers", List.of(Scopes.CHANNELS_WRITE)),
            Map.entry("DELETE /channels/{id}/viewers/{accountId}", List.of(Scopes.CHANNELS_WRITE)),
            Map.entry("GET /studio", List.of(Scopes.CHANNELS_READ)),
            Map.entry("POST /studio/channels", List.of(Scopes.CHANNELS_WRITE)),
            Map.entry("GET /studio/stream-key", List.of(Scopes.STREAM_KEY_READ)),
            Map.entry("POST /studio/stream-key/rotation", List.of(Scopes.STREAM_KEY_ROTATE)),
            Map.entry("GET /me", List.of(Scopes.CHANNELS_READ)),
            Map.entry("GET /events", List.of(Scopes.EVENTS_READ)),
            Map.entry("GET /events/stream", List.of(Scopes.EVENTS_READ)),
            Map.entry("POST /webhooks", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("GET /webhooks", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("GET /webhooks/{id}", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("DELETE /webhooks/{id}", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("POST /webhooks/{id}/secret/rotation", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("POST /webhooks/{id}/enable", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("GET /webhooks/{id}/deliveries", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("POST /webhooks/{id}/deliveries/{deliveryId}/redelivery", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("POST /webhooks/{id}/redelivery", List.of(Scopes.WEBHOOKS_WRITE)),
            Map.entry("POST /admin/accounts/{id}/disable", List.of(Scopes.ADMIN)),
            Map.entry("POST /admin/accounts/{id}/enable", List.of(Scopes.ADMIN)),
            Map.entry("GET /admin/logins", List.of(Scopes.ADMIN))));

    private record Operation(String name, Method method, Class<?> type) {
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> type : RESOURCES) {
            String base = "/" + type.getAnnotation(Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    Path path = method.getAnnotation(Path.class);
                    operations.add(new Operation(verb + " " + base + (path == null ? "" : "/" + path.value()), method, type));
                });
            }
        }
        return operations;
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(new Class[] {GET.class, POST.class, PUT.class, PATCH.class, DELETE.class})
                .filter(method::isAnnotationPresent).findFirst().map(Class::getSimpleName);
    }

    private static boolean isPublic(Operation operation) {
        return operation.method().isAnnotationPresent(PermitAll.class) || operation.type().isAnnotationPresent(PermitAll.class);
    }

    @Test
    void everyOperationSaysWhatAnApiClientNeedsOrThatItMayNotCallIt() {
        Map<String, List<String>> declared = new TreeMap<>();
        List<String> undecided = new ArrayList<>();
        for (Operation operation : operations()) {
            Optional<List<String>> required = ScopeCheck.required(operation.method(), operation.type());
            if (required.isPresent()) {
                declared.put(operation.name(), required.get());
            } else if (!PEOPLE_ONLY.contains(operation.name()) && !isPublic(operation)) {
                undecided.add(operation.name());
            }
        }
        assertEquals(List.of(), undecided, "operations that neither name a scope for API clients nor are public or people-only");
        assertEquals(EXPECTED, declared);
    }

    @Test
    void everyScopeIsUsedAndNoneIsUnknown() {
        Set<String> used = new TreeSet<>();
        EXPECTED.values().forEach(used::addAll);
        assertTrue(Scopes.ALL.containsAll(used), used.toString());
        assertEquals(Set.of(), Set.copyOf(Scopes.ALL.stream().filter(s -> !used.contains(s)).toList()));
    }

    @Test
    void peopleOnlyOperationsNameNoClientScope() {
        for (Operation operation : operations()) {
            if (PEOPLE_ONLY.contains(operation.name())) {
                assertEquals(Optional.empty(), ScopeCheck.required(operation.method(), operation.type()), operation.name());
            }
        }
    }
}
