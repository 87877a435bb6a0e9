package io.otklik.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otklik.agent.AgentAccess;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tickets for the asker: queues and searches (filtered, sorted, paged, counted), one ticket's details and
 * history. Every read is limited to what the asker may see.
 */
@Service
public class TicketQueries {

    /** Counts stop here: past it a queue says "more than 10,000", which keeps counting cheap on big tables. */
    public static final int COUNT_CAP = 10_000;
    public static final int MAX_PAGE_SIZE = 100;

    private static final String SELECT_ROWS = "select id, reference, subject, status, priority, category_id, "
            + "channel, requester_id, assignee_id, team_id, created_at, updated_at, next_due_at, next_due_near_at, "
            + "next_due_breached from ticket t";
    private static final Pattern NUMBER = Pattern.compile("^\\s*(?:[\\p{L}]+-?)?#?(\\d{1,18})\\s*$");

    private final JdbcClient jdbc;
    private final TicketStore store;
    private final TicketAccess access;
    private final TicketCategories categories;
    private final CustomerDirectory customers;
    private final AgentDirectory agents;
    private final Conversations conversations;
    private final TicketLinks links;

    TicketQueries(JdbcClient jdbc, TicketStore store, TicketAccess access, TicketCategories categories,
            CustomerDirectory customers, AgentDirectory agents, Conversations conversations, TicketLinks links) {
        this.jdbc = jdbc;
        this.store = store;
        this.access = access;
        this.categories = categories;
        this.customers = customers;
        this.agents = agents;
        this.conversations = conversations;
        this.links = links;
    }

    @Transactional(readOnly = true)
    public PageOf<TicketSummary> find(TicketFilter filter, TicketSort sort, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        Where where = where(filter);
        List<Row> rows = jdbc.sql(SELECT_ROWS + where.sql
                        + " order by " + (sort == null ? TicketSort.UPDATED_DESC : sort).sql
                        + " limit " + pageSize + " offset " + ((long) pageNumber * pageSize))
                .params(where.params).query(TicketQueries::row).list();
        long counted = jdbc.sql("select count(*) from (select 1 from ticket t" + where.sql + " limit "
                + (COUNT_CAP + 1) + ") c").params(where.params).query(Long.class).single();
        return new PageOf<>(summaries(rows, Lookups.of(agents.teams(), categories())), pageNumber, pageSize, Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /** The first {@code limit} matching tickets, without counting the rest (for short lists beside a ticket). */
    private List<TicketSummary> first(TicketFilter filter, TicketSort sort, int limit, Lookups lookups) {
        Where where = where(filter);
        List<Row> rows = jdbc.sql(SELECT_ROWS + where.sql
                        + " order by " + (sort == null ? TicketSort.UPDATED_DESC : sort).sql
                        + " limit " + Math.max(1, Math.min(limit, MAX_PAGE_SIZE)))
                .params(where.params).query(TicketQueries::row).list();
        return summaries(rows, lookups);
    }

    /** How many tickets match, counted up to {@link #COUNT_CAP}. */
    @Transactional(readOnly = true)
    public long count(TicketFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from (select 1 from ticket t" + where.sql + " limit " + (COUNT_CAP + 1)
                + ") c").params(where.params).query(Long.class).single();
    }

    /** The ticket after {@code current} in the listing, or the first one when it is not in the listing. */
    @Transactional(readOnly = true)
    public Optional<TicketId> next(TicketFilter filter, TicketSort sort, TicketId current) {
        Where where = where(filter);
        List<Long> ids = jdbc.sql("select id from ticket t" + where.sql + " order by "
                        + (sort == null ? TicketSort.UPDATED_DESC : sort).sql + " limit 500")
                .params(where.params).query(Long.class).list();
        int at = ids.indexOf(current.value());
        return ids.stream().skip(at + 1L).findFirst().or(() -> ids.stream()
                .filter(id -> id != current.value()).findFirst()).map(TicketId::new);
    }

    @Transactional(readOnly = true)
    public TicketDetails details(TicketId id) {
        Ticket ticket = store.load(id);
        // Only the ticket's own team and category: every notification reads one ticket's details.
        List<TeamView> team = ticket.teamId() == null ? List.of()
                : agents.team(new TeamId(ticket.teamId())).map(List::of).orElse(List.of());
        List<CategoryView> category = ticket.categoryId() == null ? List.of()
                : categories.findById(ticket.categoryId()).map(c -> List.of(c.view())).orElse(List.of());
        return detailsOf(ticket, Lookups.of(team, category));
    }

    /**
     * Who the ticket is assigned to, if anyone: for listeners that act only on assigned tickets and would otherwise
     * read the whole ticket to find out. Not limited by who asks (it shows nothing of the ticket's content).
     */
    @Transactional(readOnly = true)
    public Optional<AgentId> assigneeOf(TicketId id) {
        return jdbc.sql("select assignee_id from ticket where id = :id").param("id", id.value())
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().filter(java.util.Objects::nonNull)
                .map(AgentId::new);
    }

    /**
     * The state of each of these tickets that exists, read in one query: for the system's rules (service-level
     * escalations) that act on many tickets at once. Not limited by who asks (it shows nothing of the content).
     */
    @Transactional(readOnly = true)
    public Map<TicketId, TicketState> states(java.util.Collection<TicketId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<TicketId, TicketState> states = new HashMap<>();
        jdbc.sql("select id, status, priority, team_id, assignee_id from ticket where id in (:ids)")
                .param("ids", ids.stream().map(TicketId::value).distinct().toList())
                .query((rs, n) -> {
                    Long team = rs.getObject("team_id", Long.class);
                    Long assignee = rs.getObject("assignee_id", Long.class);
                    return new TicketState(new TicketId(rs.getLong("id")), Status.valueOf(rs.getString("status")),
                            Priority.valueOf(rs.getString("priority")), team == null ? null : new TeamId(team),
                            assignee == null ? null : new AgentId(assignee));
                })
                .list().forEach(state -> states.put(state.id(), state));
        return states;
    }

    /**
     * When the ticket arrived and its priority, for service-level calculations. Not limited by who asks: it shows
     * nothing of the ticket's content, and the system (listeners, jobs) and customers' pages need it alike.
     */
    @Transactional(readOnly = true)
    public TicketArrival arrival(TicketId id) {
        return jdbc.sql("select priority, created_at from ticket where id = :id").param("id", id.value())
                .query((rs, n) -> new TicketArrival(id, Priority.valueOf(rs.getString("priority")),
                        instant(rs, "created_at")))
                .optional().orElseThrow(() -> TicketAccess.notFound(id.value()));
    }

    /**
     * Everything the ticket page shows, read in one transaction: details, conversation, history, the requester's
     * latest other tickets (up to {@code otherTickets}), and the teams and categories to choose from.
     */
    @Transactional(readOnly = true)
    public TicketOverview overview(TicketId id, int otherTickets) {
        Ticket ticket = store.load(id);
        List<TeamView> teams = agents.teams();
        List<CategoryView> categoryList = categories();
        Lookups lookups = Lookups.of(teams, categoryList);
        List<TicketSummary> others = first(TicketFilter.all().withRequester(new CustomerId(ticket.requesterId())),
                TicketSort.CREATED_DESC, otherTickets + 1, lookups).stream().filter(t -> !t.id().equals(id))
                .limit(otherTickets).toList();
        return new TicketOverview(detailsOf(ticket, lookups), conversations.read(id.value()), historyOf(id, lookups),
                others, teams, categoryList, linksOf(id));
    }

    /** Linked tickets the asker may see. */
    private List<TicketLinkView> linksOf(TicketId id) {
        Optional<AgentAccess> scope = access.scope();
        return links.of(id).stream()
                .filter(l -> scope.map(s -> s.maySee(l.teamId() == null ? null : new TeamId(l.teamId()),
                        l.assigneeId() == null ? null : new AgentId(l.assigneeId()))).orElse(true))
                .map(TicketLinks.Linked::view).toList();
    }

    private TicketDetails detailsOf(Ticket ticket, Lookups lookups) {
        CustomerCard requester = customers.card(new CustomerId(ticket.requesterId()));
        AgentId assignee = ticket.assigneeId() == null ? null : new AgentId(ticket.assigneeId());
        TeamId team = ticket.teamId() == null ? null : new TeamId(ticket.teamId());
        String teamName = team == null || !lookups.teams().containsKey(team) ? null : lookups.teams().get(team).name();
        String assigneeName = assignee == null ? null : agents.names(List.of(assignee)).get(assignee);
        String category = ticket.categoryId() == null ? null : lookups.categories().get(ticket.categoryId());
        return new TicketDetails(new TicketId(ticket.getId()), ticket.reference(), ticket.subject(), ticket.status(),
                ticket.priority(), ticket.categoryId(), category, ticket.channel(), requester, assignee, assigneeName,
                team, teamName, ticket.tags(), ticket.createdAt(), ticket.updatedAt(), ticket.solvedAt(),
                ticket.version(), ticket.nextDue());
    }

    /** The ticket's history, oldest first, with people, teams and categories shown by name. */
    @Transactional(readOnly = true)
    public List<HistoryView> history(TicketId id) {
        store.load(id);
        return historyOf(id, Lookups.of(agents.teams(), categories()));
    }

    private List<HistoryView> historyOf(TicketId id, Lookups lookups) {
        List<HistoryView> entries = jdbc.sql("select at, actor_type, actor_id, actor_name, field, old_value, "
                        + "new_value from ticket_history where ticket_id = :id order by at, id")
                .param("id", id.value())
                .query((rs, n) -> new HistoryView(instant(rs, "at"), new Actor(Actor.Type.valueOf(
                        rs.getString("actor_type")), (Long) rs.getObject("actor_id", Long.class),
                        rs.getString("actor_name")), rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value")))
                .list();
        List<AgentId> agentIds = entries.stream().filter(e -> e.field().equals("assignee"))
                .flatMap(e -> java.util.stream.Stream.of(e.oldValue(), e.newValue())).filter(Objects::nonNull)
                .map(v -> new AgentId(Long.parseLong(v))).distinct().toList();
        Map<AgentId, String> agentNames = agents.names(agentIds);
        List<CustomerId> requesterIds = entries.stream().filter(e -> e.field().equals("requester"))
                .flatMap(e -> java.util.stream.Stream.of(e.oldValue(), e.newValue())).filter(Objects::nonNull)
                .map(v -> new CustomerId(Long.parseLong(v))).distinct().toList();
        Map<CustomerId, String> requesterNames = customers.names(requesterIds);
        return entries.stream().map(e -> switch (e.field()) {
            case "assignee" -> named(e, v -> agentNames.get(new AgentId(v)));
            case "requester" -> named(e, v -> requesterNames.get(new CustomerId(v)));
            case "team" -> named(e, v -> Optional.ofNullable(lookups.teams().get(new TeamId(v))).map(TeamView::name)
                    .orElse(null));
            case "category" -> named(e, lookups.categories()::get);
            default -> e;
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return categories.findAllByOrderByPositionAscNameAsc().stream().map(TicketCategory::view).toList();
    }

    /** Teams and category names, loaded once for a whole read. */
    private record Lookups(Map<TeamId, TeamView> teams, Map<Long, String> categories) {

        static Lookups of(List<TeamView> teams, List<CategoryView> categories) {
            Map<TeamId, TeamView> byId = new HashMap<>();
            teams.forEach(t -> byId.put(t.id(), t));
            Map<Long, String> names = new HashMap<>();
            categories.forEach(c -> names.put(c.id(), c.name()));
            return new Lookups(byId, names);
        }
    }

    private static HistoryView named(HistoryView e, java.util.function.LongFunction<String> name) {
        return new HistoryView(e.at(), e.actor(), e.field(), nameOf(e.oldValue(), name), nameOf(e.newValue(), name));
    }

    private static String nameOf(String id, java.util.function.LongFunction<String> name) {
        if (id == null) {
            return null;
        }
        String found = name.apply(Long.parseLong(id));
        return found == null ? "#" + id : found;
    }

    private List<TicketSummary> summaries(List<Row> rows, Lookups lookups) {
        Map<CustomerId, CustomerCard> requesters = customers.cards(rows.stream()
                .map(r -> new CustomerId(r.requesterId)).distinct().toList());
        Map<AgentId, String> assignees = agents.names(rows.stream().map(r -> r.assigneeId)
                .filter(Objects::nonNull).map(AgentId::new).distinct().toList());
        Map<TeamId, TeamView> teams = lookups.teams();
        Map<Long, String> categoryNames = lookups.categories();
        List<TicketSummary> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            CustomerId requester = new CustomerId(r.requesterId);
            AgentId assignee = r.assigneeId == null ? null : new AgentId(r.assigneeId);
            TeamId team = r.teamId == null ? null : new TeamId(r.teamId);
            CustomerCard card = requesters.get(requester);
            result.add(new TicketSummary(new TicketId(r.id), r.reference, r.subject, Status.valueOf(r.status),
                    Priority.valueOf(r.priority), r.categoryId == null ? null : categoryNames.get(r.categoryId),
                    Channel.valueOf(r.channel), requester, card == null ? null : card.name(), assignee,
                    assignee == null ? null : assignees.get(assignee), team,
                    team == null || !teams.containsKey(team) ? null : teams.get(team).name(), r.createdAt,
                    r.updatedAt, r.nextDue));
        }
        return result;
    }

    private Where where(TicketFilter filter) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            sql.append(" and status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (filter.priorities() != null && !filter.priorities().isEmpty()) {
            sql.append(" and priority in (:priorities)");
            params.put("priorities", filter.priorities().stream().map(Enum::name).sorted().toList());
        }
        if (filter.teams() != null && !filter.teams().isEmpty()) {
            sql.append(" and team_id in (:teams)");
            params.put("teams", filter.teams().stream().map(TeamId::value).sorted().toList());
        }
        if (filter.unassigned()) {
            sql.append(" and assignee_id is null");
        } else if (filter.assignee() != null) {
            sql.append(" and assignee_id = :assignee");
            params.put("assignee", filter.assignee().value());
        }
        if (filter.categoryId() != null) {
            sql.append(" and category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.requester() != null) {
            sql.append(" and requester_id = :requester");
            params.put("requester", filter.requester().value());
        }
        if (filter.updatedSince() != null) {
            sql.append(" and updated_at >= :updatedSince");
            params.put("updatedSince", Timestamp.from(filter.updatedSince()));
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and exists (select 1 from ticket_tag tt where tt.ticket_id = t.id and tt.tag = :tag)");
            params.put("tag", filter.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip().toLowerCase(Locale.ROOT);
            Matcher number = NUMBER.matcher(text);
            sql.append(" and (lower(subject) like :text escape '!'");
            if (number.matches()) {
                sql.append(" or id = :number");
                params.put("number", Long.parseLong(number.group(1)));
            }
            sql.append(")");
            params.put("text", "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        access.scope().ifPresent(scope -> restrict(scope, sql, params));
        return new Where(sql.toString(), params);
    }

    private static void restrict(AgentAccess scope, StringBuilder sql, Map<String, Object> params) {
        params.put("scopeAgent", scope.agent().value());
        if (scope.teams().isEmpty()) {
            sql.append(" and assignee_id = :scopeAgent");
        } else {
            sql.append(" and (team_id in (:scopeTeams) or assignee_id = :scopeAgent)");
            params.put("scopeTeams", scope.teams().stream().map(TeamId::value).sorted().toList());
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("reference"), rs.getString("subject"), rs.getString("status"),
                rs.getString("priority"), rs.getObject("category_id", Long.class), rs.getString("channel"),
                rs.getLong("requester_id"), rs.getObject("assignee_id", Long.class),
                rs.getObject("team_id", Long.class), instant(rs, "created_at"), instant(rs, "updated_at"),
                nextDue(rs));
    }

    private static NextDue nextDue(ResultSet rs) throws SQLException {
        Instant at = instant(rs, "next_due_at");
        return at == null ? null : new NextDue(at, instant(rs, "next_due_near_at"), rs.getBoolean("next_due_breached"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private record Row(long id, String reference, String subject, String status, String priority, Long categoryId,
            String channel, long requesterId, Long assigneeId, Long teamId, Instant createdAt, Instant updatedAt,
            NextDue nextDue) {
    }
}
