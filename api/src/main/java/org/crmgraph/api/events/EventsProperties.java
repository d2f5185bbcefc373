package org.crmgraph.api.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change log and its subscribers ({@code crm.events.*}).
 *
 * @param pollInterval how often each instance reads new committed events from the log for its subscribers: the
 *                     delay a subscriber sees at most beyond the commit, when the change was made on another instance
 *                     (changes made on this one are read at once)
 * @param retention    how long events are kept; a subscriber reconnecting with an older position gets what is left
 * @param replayLimit  most events replayed to one reconnecting subscriber before it follows live ones
 * @param subscriberBuffer most events kept for one subscriber that reads slower than they come; one that falls
 *                     further behind gets an error and resumes with {@code after} its last position
 */
@ConfigurationProperties(prefix = "crm.events")
public record EventsProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10000") int replayLimit,
        @DefaultValue("10000") int subscriberBuffer) {}
