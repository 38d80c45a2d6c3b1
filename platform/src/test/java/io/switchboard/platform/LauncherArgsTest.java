package io.switchboard.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherArgsTest {

    @Test
    void parsesUp() {
        LauncherArgs args = LauncherArgs.parse(new String[] {"up", "--profile", "test", "--partitions=6", "--detach", "--reset"});
        assertEquals("up", args.command());
        assertEquals(Profile.TEST, args.profile());
        assertEquals(6, args.partitions());
        assertTrue(args.detach());
        assertTrue(args.reset());
    }

    @Test
    void defaultsToTheDevProfileAndTwelvePartitions() {
        LauncherArgs args = LauncherArgs.parse(new String[] {"up"});
        assertEquals(Profile.DEV, args.profile());
        assertEquals(12, args.partitions());
    }

    @Test
    void envTakesAService() {
        assertEquals(Service.GATEWAY, LauncherArgs.parse(new String[] {"env", "--service", "gateway"}).service().orElseThrow());
        assertEquals(Service.TICKET, LauncherArgs.parse(new String[] {"env", "--service=ticket-service"}).service().orElseThrow());
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> LauncherArgs.parse(new String[] {"start"}));
        assertThrows(IllegalArgumentException.class, () -> LauncherArgs.parse(new String[] {"up", "--profile", "prod"}));
        assertThrows(IllegalArgumentException.class, () -> LauncherArgs.parse(new String[] {"down", "--services"}));
        assertThrows(IllegalArgumentException.class, () -> LauncherArgs.parse(new String[] {"env", "--service", "billing"}));
        assertThrows(IllegalArgumentException.class, () -> LauncherArgs.parse(new String[] {"up", "--partitions"}));
    }
}
