package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** One signed-in person for a test: the account id and its access token, from a real sign-in. */
public record Broadcaster(String id, String token) {

    /** A new Kakao user signs in for the first time (a new account). */
    public static Broadcaster fresh() {
        SignIns.Session session = SignIns.kakao(new Browser(), SignIns.newKakaoUser(true));
        return new Broadcaster(session.accountId(), session.accessToken());
    }

    /** The Kakao user that onair.admins names signs in. */
    public static Broadcaster admin() {
        SignIns.Session session = SignIns.kakao(new Browser(), SignIns.ADMIN);
        return new Broadcaster(session.accountId(), session.accessToken());
    }

    public static String channelJson(String title, String visibility) {
        return Json.createObjectBuilder().add("title", title).add("visibility", visibility).build().toString();
    }

    /** Opens a channel and returns it, failing the test unless that answers 201. */
    public JsonObject open(Api api, String title) {
        return open(api, title, "PUBLIC");
    }

    /** Opens a PUBLIC or PRIVATE channel and returns it, failing the test unless that answers 201. */
    public JsonObject open(Api api, String title, String visibility) {
        Api.Reply reply = api.post("/api/studio/channels", token, channelJson(title, visibility));
        if (reply.status() != 201) {
            throw new AssertionError("could not open a channel: " + reply);
        }
        return reply.json();
    }

    /** An API client of this account's with {@code scopes}: its id and an access token got by client credentials. */
    public record Client(String id, String token) {
    }

    /** Creates an API client with {@code scopes} and gets it a token (POST /api/auth/token), failing the test otherwise. */
    public Client client(Api api, String... scopes) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String scope : scopes) {
            list.add(scope);
        }
        Api.Reply made = api.post("/api/me/clients", token, Json.createObjectBuilder().add("name", "Test client").add("scopes", list)
                .build().toString());
        if (made.status() != 201) {
            throw new AssertionError("could not create an API client: " + made);
        }
        JsonObject client = made.json();
        Api.Reply issued = Api.send(OnAirServer.get().http("/api/auth/token"), "POST", null, "grant_type=client_credentials&client_id="
                + client.getString("id") + "&client_secret=" + client.getString("secret"), "application/x-www-form-urlencoded");
        if (issued.status() != 200) {
            throw new AssertionError("no token for the API client: " + issued);
        }
        return new Client(client.getString("id"), issued.json().getString("access_token"));
    }
}
