package dev.onair.container;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Profile;
import dev.onair.accounts.entity.Role;
import dev.onair.channels.boundary.Channels;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Visibility;
import dev.onair.ingest.boundary.StreamKeys;
import dev.onair.ingest.entity.StreamKey;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations built the schema, and the entities map onto it both ways. */
@ExtendWith(ArquillianExtension.class)
class SchemaAndMappingsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.onairWith(SchemaAndMappingsIT.class);
    }

    @Resource(lookup = "jdbc/onair")
    DataSource dataSource;

    @EJB
    Accounts accounts;

    @EJB
    Channels channels;

    @EJB
    StreamKeys streamKeys;

    @Test
    void everyMigrationIsAppliedSuccessfully() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            assertTrue(rs.next(), "the schema history names the migrations");
            assertEquals("1", rs.getString(1));
            assertTrue(rs.getBoolean(2));
        }
    }

    @Test
    void anAccountWithRolesRoundTrips() {
        String subject = UUID.randomUUID().toString();
        var first = accounts.signIn(new Profile("kakao", subject, "방송인 🎤", "bj@example.org", "https://img.example.org/a.png"));
        assertTrue(first.created());
        String id = first.account().id();
        Account read = accounts.find(id).orElseThrow();
        assertEquals("방송인 🎤", read.displayName());
        assertEquals("bj@example.org", read.email());
        assertEquals("https://img.example.org/a.png", read.avatarUrl());
        assertEquals(Set.of(Role.USER), read.roles());
        assertNotNull(read.createdAt());
        assertNull(read.lastLoginAt());
        var second = accounts.signIn(new Profile("kakao", subject, "other name", null, null));
        assertEquals(id, second.account().id(), "a second sign-in of the identity finds the same account");
        assertFalse(second.created());
        Account refreshed = accounts.find(id).orElseThrow();
        assertEquals("other name", refreshed.displayName(), "the provider's current name is taken");
        assertNull(refreshed.avatarUrl());
        assertEquals("bj@example.org", refreshed.email(), "an e-mail address is kept when none is verified this time");
        assertNotEquals(id, accounts.signIn(new Profile("google", subject, "same subject", null, null)).account().id(),
                "the same subject at another provider is another identity");
    }

    @Test
    void aChannelRoundTripsAndItsRowKeepsTheOpenOwnerRule() throws SQLException {
        String owner = accounts.signIn(new Profile("test", UUID.randomUUID().toString(), "BJ", null, null)).account().id();
        Channel opened = channels.open(owner, new ChannelDraft("제목 🎬", "설명", Visibility.PRIVATE));
        Channel read = channels.find(opened.id());
        assertEquals("제목 🎬", read.title());
        assertEquals("설명", read.description());
        assertEquals(Visibility.PRIVATE, read.visibility());
        assertEquals(ChannelState.CREATED, read.state());
        assertEquals(owner, read.ownerId());
        assertEquals("BJ", read.owner().displayName());
        assertEquals(opened.createdAt(), read.createdAt());

        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT open_owner_id, state FROM channel WHERE id = ?")) {
                s.setString(1, opened.id());
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(owner, rs.getString(1));
                    assertEquals("CREATED", rs.getString(2));
                }
            }
            SQLException duplicate = assertThrows(SQLException.class, () -> insertChannel(c, owner, owner, "CREATED"));
            assertEquals("23505", duplicate.getSQLState(), "a second unfinished channel breaks the UNIQUE constraint");
            SQLException inconsistent = assertThrows(SQLException.class, () -> insertChannel(c, owner, null, "LIVE"));
            assertEquals("23", duplicate.getSQLState().substring(0, 2));
            assertEquals("23", inconsistent.getSQLState().substring(0, 2), "an unfinished channel must hold its owner's slot");
        }
    }

    @Test
    void aStreamKeyStoresNoSecret() throws SQLException {
        String owner = accounts.signIn(new Profile("test", UUID.randomUUID().toString(), "BJ", null, null)).account().id();
        String streamKey = streamKeys.settingsOf(owner).streamKey();
        String secret = streamKey.substring(streamKey.indexOf("?key=") + 5);
        StreamKey stored = streamKeys.find(owner).orElseThrow();
        assertEquals(streamKey.substring(0, streamKey.indexOf('?')), stored.publicName());
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM stream_key WHERE account_id = ?")) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    String value = rs.getString(column);
                    assertTrue(value == null || !value.contains(secret), "column " + rs.getMetaData().getColumnName(column));
                }
            }
        }
    }

    private static void insertChannel(Connection c, String owner, String openOwner, String state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO channel (id, owner_id, open_owner_id, title, description,"
                + " visibility, state, created_at, updated_at, version) VALUES (?, ?, ?, 't', '', 'PUBLIC', ?, ?, ?, 1)")) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, owner);
            s.setString(3, openOwner);
            s.setString(4, state);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
        }
    }
}
