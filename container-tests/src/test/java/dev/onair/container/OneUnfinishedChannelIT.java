package dev.onair.container;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Caller;
import dev.onair.accounts.entity.Profile;
import dev.onair.channels.boundary.Studio;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.OpenChannelExists;
import dev.onair.channels.entity.Visibility;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The one-unfinished-channel rule holds when twenty requests race for it. */
@ExtendWith(ArquillianExtension.class)
class OneUnfinishedChannelIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.onairWith(OneUnfinishedChannelIT.class);
    }

    @Inject
    Studio studio;

    @EJB
    Accounts accounts;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void twentyConcurrentOpensGiveOneChannelAndNineteenConflictsNamingIt() throws Exception {
        String owner = accounts.signIn(new Profile("test", UUID.randomUUID().toString(), "racer", null, null)).account().id();
        Caller caller = new Caller(owner, false);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Channel>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String title = "race " + i;
            Callable<Channel> open = () -> {
                start.await();
                return studio.open(caller, new ChannelDraft(title, null, Visibility.PUBLIC));
            };
            attempts.add(executor.submit(open));
        }
        start.countDown();
        List<Channel> winners = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Future<Channel> attempt : attempts) {
            try {
                winners.add(attempt.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                OpenChannelExists refusal = assertInstanceOf(OpenChannelExists.class, e.getCause(), e::toString);
                named.add(refusal.channelId());
            }
        }
        assertEquals(1, winners.size());
        assertEquals(Set.of(winners.get(0).id()), named, "every refusal names the winner");
        assertEquals(winners.get(0).id(), studio.enter(caller).orElseThrow().id());
    }
}
