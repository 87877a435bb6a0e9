package io.otklik.channel.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.otklik.identity.Audit;
import io.otklik.shared.NotFoundException;
import io.otklik.ticket.RoutingTargets;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postmaster rules as administrators manage them: supervisors see them and may try them on a mail,
 * administrators add, change, reorder, switch on and off and delete them. A rule with problems is never saved.
 */
@Service
public class PostmasterRuleAdministration {

    private final SavedPostmasterRules saved;
    private final PostmasterRuleRows rows;
    private final PostmasterRules rules;
    private final RoutingTargets targets;
    private final InboundEmail email;
    private final Audit audit;
    private final Clock clock;

    PostmasterRuleAdministration(SavedPostmasterRules saved, PostmasterRuleRows rows, PostmasterRules rules,
            RoutingTargets targets, InboundEmail email, Audit audit, Clock clock) {
        this.saved = saved;
        this.rows = rows;
        this.rules = rules;
        this.targets = targets;
        this.email = email;
        this.audit = audit;
        this.clock = clock;
    }

    /** All rules in evaluation order, switched-off ones too. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<PostmasterRuleView> rules() {
        return rows.all();
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public PostmasterRuleView rule(PostmasterRuleId id) {
        return rows.one(id).orElseThrow(() -> notFound(id));
    }

    /** Adds a rule at the end of the list. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PostmasterRuleId create(PostmasterRuleDetails details) {
        check(details, null);
        int position = saved.findTopByOrderByPositionDesc().map(rule -> rule.position() + 1).orElse(1);
        PostmasterRule rule;
        try {
            rule = saved.saveAndFlush(new PostmasterRule(details, position, clock.instant()));
        } catch (DataIntegrityViolationException sameNameMeanwhile) {
            throw new InvalidPostmasterRule(
                    List.of(new PostmasterRuleProblem("name", "postmaster.name-taken", details.name())));
        }
        rules.changed();
        audit.record("postmaster-rule.created", details.name());
        return rule.id();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(PostmasterRuleId id, PostmasterRuleDetails details) {
        PostmasterRule rule = load(id);
        check(details, id);
        rule.change(details, clock.instant());
        saved.flush();
        rules.changed();
        audit.record("postmaster-rule.changed", details.name());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void enable(PostmasterRuleId id, boolean enabled) {
        load(id).enable(enabled, clock.instant());
        saved.flush();
        rules.changed();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(PostmasterRuleId id) {
        PostmasterRule rule = load(id);
        saved.delete(rule);
        saved.flush();
        rules.changed();
        audit.record("postmaster-rule.deleted", rule.name());
    }

    /** Moves a rule one place earlier ({@code up}) or later; the first cannot go up, nor the last down. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void move(PostmasterRuleId id, boolean up) {
        List<PostmasterRule> all = new ArrayList<>(saved.findAllByOrderByPositionAscIdAsc());
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                at = i;
            }
        }
        if (at < 0) {
            throw notFound(id);
        }
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= all.size()) {
            return;
        }
        all.add(other, all.remove(at));
        // Numbered afresh, so that gaps and equal positions left by earlier changes go away.
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).position() != i + 1) {
                all.get(i).moveTo(i + 1, clock.instant());
            }
        }
        saved.flush();
        rules.changed();
    }

    /**
     * Tries the saved rules, switched-off ones included (shown as such), on a mail pasted by the administrator:
     * a whole raw mail or just its header lines.
     */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public PostmasterTrial test(byte[] raw) {
        return PostmasterRuleBook.of(rows.all()).trace(email.parse(raw), PostmasterRules.headersOf(raw));
    }

    /** Whether the rule can be saved: its own problems, then whether its name is free and its team and category exist. */
    private void check(PostmasterRuleDetails details, PostmasterRuleId id) {
        List<PostmasterRuleProblem> problems = new ArrayList<>(details.problems());
        if (problems.stream().noneMatch(problem -> problem.field().equals("name"))
                && (id == null ? saved.existsByName(details.name())
                        : saved.existsByNameAndIdNot(details.name(), id.value()))) {
            problems.add(0, new PostmasterRuleProblem("name", "postmaster.name-taken", details.name()));
        }
        for (int i = 0; i < details.actions().size(); i++) {
            PostmasterAction action = details.actions().get(i);
            Long target = action.id();
            if (target == null) {
                continue;
            }
            if (action.kind() == PostmasterAction.Kind.ROUTE_TEAM && !targets.teamExists(target)) {
                problems.add(new PostmasterRuleProblem("actions[" + i + "]", "postmaster.team-unknown", target));
            } else if (action.kind() == PostmasterAction.Kind.SET_CATEGORY && !targets.categoryExists(target)) {
                problems.add(new PostmasterRuleProblem("actions[" + i + "]", "postmaster.category-unknown", target));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPostmasterRule(problems);
        }
    }

    private PostmasterRule load(PostmasterRuleId id) {
        return saved.findById(id.value()).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(PostmasterRuleId id) {
        return new NotFoundException("postmaster.not-found", id.value());
    }
}
