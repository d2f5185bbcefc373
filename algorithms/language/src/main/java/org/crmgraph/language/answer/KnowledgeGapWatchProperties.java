package org.crmgraph.language.answer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The watch that records knowledge gaps as they form ({@code crm.support.gap-watch.*}).
 *
 * @param enabled      whether it runs (default true); off, {@code knowledgeGaps} still computes gaps on request
 * @param interval     how often it looks at the weak answers given since it last looked (default 1 min): the most a
 *                     new gap waits before its {@code KNOWLEDGE_GAP_FOUND} event
 * @param days         how far back a gap's questions count (default 30)
 * @param minQuestions weak answers about the same thing that make a gap (default 3)
 */
@ConfigurationProperties("crm.support.gap-watch")
public record KnowledgeGapWatchProperties(Boolean enabled, Duration interval, Integer days, Integer minQuestions) {

    public KnowledgeGapWatchProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        days = days == null ? 30 : days;
        minQuestions = minQuestions == null ? 3 : minQuestions;
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("crm.support.gap-watch.days must be between 1 and 365, not " + days);
        }
        if (minQuestions < 2) {
            throw new IllegalArgumentException(
                    "crm.support.gap-watch.min-questions must be at least 2, not " + minQuestions);
        }
    }
}
