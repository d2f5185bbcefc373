package org.crmgraph.language.answer;

/** What to do with an answer: send it, show it to an agent, or hand the question to a human. */
public enum Decision {
    AUTO_REPLY,
    SUGGEST,
    ESCALATE
}
