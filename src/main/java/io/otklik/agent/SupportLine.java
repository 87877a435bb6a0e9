package io.otklik.agent;

/** The support line a team works on: first contact, specialists, experts and developers. */
public enum SupportLine {
    L1, L2, L3
}
