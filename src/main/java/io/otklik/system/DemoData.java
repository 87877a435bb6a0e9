package io.otklik.system;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.NewAgent;
import io.otklik.agent.TeamId;
import io.otklik.customer.ContactKind;
import io.otklik.customer.CustomField;
import io.otklik.customer.CustomFieldType;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerFields;
import io.otklik.customer.CustomerId;
import io.otklik.customer.CustomerSegments;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Accounts;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketUpdates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty installation with a realistic support service ({@link DemoDataset}) on first start, so there is
 * something to look at and to try. Everything goes through the modules' own services, as a person would do it:
 * set-up as the system administrator, replies and notes as the agents who wrote them. All of it is one
 * transaction: it is there completely or not at all, and a second node starting at the same time cannot double
 * it. Switched off by {@code otklik.demo-data=false} ({@code OTKLIK_DEMO_DATA=false}).
 */
@Component
@ConditionalOnProperty(name = "otklik.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String ADMIN_LOGIN = DemoDataset.ADMIN;
    static final String PASSWORD = DemoDataset.PASSWORD;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Accounts accounts;
    private final AgentDirectory agents;
    private final CustomerDirectory customers;
    private final CustomerSegments segments;
    private final CustomerFields fields;
    private final Categories categories;
    private final TicketIntake intake;
    private final Conversations conversations;
    private final TicketUpdates updates;
    private final UserDetailsService users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoData(Accounts accounts, AgentDirectory agents, CustomerDirectory customers, CustomerSegments segments,
            CustomerFields fields, Categories categories, TicketIntake intake, Conversations conversations,
            TicketUpdates updates, UserDetailsService users, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.agents = agents;
        this.customers = customers;
        this.segments = segments;
        this.fields = fields;
        this.categories = categories;
        this.intake = intake;
        this.conversations = conversations;
        this.updates = updates;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyExist()) {
            log.debug("Demo data not loaded: the database already has accounts");
            return;
        }
        SecurityContext outside = SecurityContextHolder.getContext();
        try {
            int tickets = transactions.execute(status -> load());
            log.info("Demo data loaded: {} staff, {} customers, {} tickets", DemoDataset.staff().size(),
                    DemoDataset.customers().size(), tickets);
        } catch (RuntimeException e) {
            log.warn("Demo data could not be loaded; the database was left as it was", e);
        } finally {
            SecurityContextHolder.setContext(outside);
        }
    }

    private int load() {
        actAsSystem();
        Map<String, TeamId> teams = new HashMap<>();
        DemoDataset.teams().forEach(team -> teams.put(team.name(), agents.createTeam(team.name(), team.line())));
        Map<String, AgentId> staff = new HashMap<>();
        for (DemoDataset.StaffSeed person : DemoDataset.staff()) {
            Set<TeamId> memberOf = person.teams().stream().map(teams::get).collect(Collectors.toSet());
            staff.put(person.login(), agents.add(new NewAgent(person.name(), person.login(), PASSWORD, person.role(),
                    person.scope(), memberOf, person.locale())));
        }
        Map<String, Long> categoryIds = new HashMap<>();
        DemoDataset.categories().forEach(name -> categoryIds.put(name, categories.create(name)));
        DemoDataset.organizations().forEach(org -> customers.createOrganization(org.name(), org.domain()));
        Map<String, CustomerId> requesters = new HashMap<>();
        DemoDataset.customers().forEach(person -> requesters.put(person.key(),
                customers.register(new NewCustomer(person.name(), person.email(), person.phone(), null))));
        describeCustomers(requesters);
        Refs refs = new Refs(teams, staff, categoryIds, requesters);
        List<DemoStory> stories = DemoDataset.stories();
        stories.forEach(story -> play(story, refs));
        return stories.size();
    }

    /** More addresses, the VIP segment, contract numbers and an organization's manager for some customers. */
    private void describeCustomers(Map<String, CustomerId> requesters) {
        fields.define(new CustomField(DemoDataset.CONTRACT_KEY, DemoDataset.CONTRACT_NAME, CustomFieldType.TEXT,
                List.of()));
        for (DemoDataset.CustomerDetails details : DemoDataset.customerDetails()) {
            CustomerId customer = Refs.require(requesters, details.key());
            details.moreEmails().forEach(email -> customers.addContact(customer, ContactKind.EMAIL, email));
            if (details.telegram() != null) {
                customers.addContact(customer, ContactKind.TELEGRAM, details.telegram());
            }
            if (details.vk() != null) {
                customers.addContact(customer, ContactKind.VK, details.vk());
            }
            if (details.vip()) {
                segments.putIn(customer, DemoDataset.VIP);
            }
            if (details.contract() != null) {
                fields.change(customer, Map.of(DemoDataset.CONTRACT_KEY, details.contract()));
            }
            if (details.manager()) {
                customers.allowOrganizationTickets(customer, true);
            }
        }
    }

    /** Opens the ticket and replays what support did, each step as the person who did it. */
    private void play(DemoStory story, Refs refs) {
        if (story.loggedBy != null) {
            actAs(story.loggedBy);
        } else {
            actAsSystem();
        }
        TicketId ticket = intake.open(new NewTicket(story.subject, story.description,
                refs.requester(story.customer), story.channel, story.priority, refs.category(story.category),
                refs.team(story.team), refs.agent(story.assignee), story.tags, files(story.file)));
        for (DemoStory.Step step : story.steps) {
            switch (step) {
                case DemoStory.Reply reply -> {
                    actAs(reply.agent());
                    conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY, reply.text(), files(reply.file()),
                            reply.statusAfter()));
                }
                case DemoStory.Note note -> {
                    actAs(note.agent());
                    conversations.add(ticket, new NewMessage(MessageKind.INTERNAL_NOTE, note.text(),
                            files(note.file()), null));
                }
                case DemoStory.Escalation escalation -> {
                    actAs(escalation.agent());
                    updates.change(ticket, TicketChanges.none().withTeam(refs.team(escalation.team()))
                            .withAssignee(refs.agent(escalation.assignee())), null);
                }
                case DemoStory.StatusChange change -> {
                    if (change.agent() == null) {
                        actAsSystem();
                    } else {
                        actAs(change.agent());
                    }
                    updates.change(ticket, TicketChanges.none().withStatus(change.status()), null);
                }
            }
        }
    }

    private List<NewAttachment> files(DemoStory.File file) {
        List<NewAttachment> files = new ArrayList<>(1);
        switch (file) {
            case LOG -> files.add(DemoFiles.errorLog(clock.instant()));
            case SCREENSHOT -> DemoFiles.screenshot().ifPresent(files::add);
            case NONE -> {
            }
        }
        return files;
    }

    /** Set-up work (teams, staff, categories) needs an administrator; tickets opened so are the system's. */
    private static void actAsSystem() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        SecurityContextHolder.setContext(context);
    }

    /** Acts as a staff member, signed in as they would be, so the ticket's history names them. */
    private void actAs(String login) {
        UserDetails user = users.loadUserByUsername(login);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** The demo's names resolved to the ids the services gave them. */
    private record Refs(Map<String, TeamId> teams, Map<String, AgentId> staff, Map<String, Long> categories,
            Map<String, CustomerId> requesters) {

        CustomerId requester(String key) {
            return require(requesters, key);
        }

        Long category(String name) {
            return require(categories, name);
        }

        TeamId team(String name) {
            return name == null ? null : require(teams, name);
        }

        AgentId agent(String login) {
            return login == null ? null : require(staff, login);
        }

        private static <T> T require(Map<String, T> known, String key) {
            T value = known.get(key);
            if (value == null) {
                throw new IllegalStateException("Demo data names an unknown " + key);
            }
            return value;
        }
    }
}
