package io.otklik.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Who takes part: teams on three support lines, their agents, the bench administrator, organizations and customers.
 * Built in memory from a seed, then written with COPY; tickets refer to it by id.
 */
final class People {

    /** Every generated account signs in with this password, so benchmarks can act as any agent. */
    static final String PASSWORD = "bench-password";
    /** {@code {bcrypt}} hash of {@link #PASSWORD}, computed once with Spring Security's BCryptPasswordEncoder. */
    static final String PASSWORD_HASH = "{bcrypt}$2a$10$3T6ojxhgpRFg9uPle.AieOd1IvwM6uEsH7lP0zrFw6em.t9y2OXW6";
    static final String ADMIN_LOGIN = "bench-admin@otklik.local";

    private static final long DAY = 86_400_000L;

    /** Name, line, number of agents, share of incoming tickets. */
    private static final Object[][] TEAMS = {
            {"Первая линия — Москва", "L1", 12, 0.27},
            {"Первая линия — Новосибирск", "L1", 10, 0.20},
            {"Первая линия — VIP", "L1", 6, 0.08},
            {"Вторая линия — Биллинг", "L2", 7, 0.17},
            {"Вторая линия — Инфраструктура", "L2", 6, 0.13},
            {"Вторая линия — Интеграции", "L2", 5, 0.08},
            {"Третья линия — Разработка", "L3", 4, 0.07}};

    final List<Team> teams = new ArrayList<>();
    /** Agent names by agent id (index 0 unused). */
    final List<String> agentNames = new ArrayList<>();
    final int customerCount;
    final int organizationCount;
    /** Per customer id (index 0 unused): organization id or 0, name as stored, how they sign, first name. */
    final long[] customerOrganization;
    final String[] customerName;
    final String[] customerSignature;
    final String[] customerFirstName;

    private final long now;
    private final CopyRows accounts = new CopyRows(16_384);
    private final CopyRows agents = new CopyRows(8_192);
    private final CopyRows memberships = new CopyRows(1_024);
    private final CopyRows teamRows = new CopyRows(1_024);
    private final CopyRows categories = new CopyRows(1_024);
    private final CopyRows organizations;
    private final CopyRows customers;
    private final CopyRows contacts;

    People(long tickets, long seed, long now) {
        this.now = now;
        customerCount = (int) Math.max(100, tickets / 20);
        organizationCount = Math.max(5, customerCount / 25);
        customerOrganization = new long[customerCount + 1];
        customerName = new String[customerCount + 1];
        customerSignature = new String[customerCount + 1];
        customerFirstName = new String[customerCount + 1];
        organizations = new CopyRows(organizationCount * 80);
        customers = new CopyRows(customerCount * 140);
        contacts = new CopyRows(customerCount * 110);
        agentNames.add(null);
        buildStaff(new Random(seed));
        String[] domains = buildOrganizations(new Random(seed + 1));
        buildCustomers(new Random(seed + 2), domains);
        for (int i = 0; i < Texts.CATEGORIES.length; i++) {
            categories.add(i + 1).add(Texts.CATEGORIES[i]).add((i + 1) * 10).endRow();
        }
    }

    /** One support team with its members; {@code share} is its part of the incoming tickets. */
    record Team(long id, String name, String line, double share, long[] agentIds) {
    }

    int categoryCount() {
        return Texts.CATEGORIES.length;
    }

    /** Tables and their rows in the order foreign keys need. */
    List<Load> loads() {
        return List.of(
                new Load("user_account (id, login, display_name, password_hash, role, locale, enabled, "
                        + "failed_sign_ins, locked_until, created_at, version)", accounts),
                new Load("team (id, name, line, created_at)", teamRows),
                new Load("agent (id, user_id, display_name, email, ticket_scope, created_at, version)", agents),
                new Load("agent_team (agent_id, team_id)", memberships),
                new Load("ticket_category (id, name, position)", categories),
                new Load("organization (id, name, domain, created_at)", organizations),
                new Load("customer (id, name, email, phone, organization_id, created_at, version)", customers),
                new Load("customer_contact (kind, address, customer_id, created_at)", contacts));
    }

    /** A COPY target (table and columns) with its rows. */
    record Load(String target, CopyRows rows) {
    }

    private void buildStaff(Random random) {
        long started = now - 800 * DAY;
        // The administrator comes first (user 1, agent 1), with a profile so the agent workspace opens for it.
        account(1, ADMIN_LOGIN, "Администратор стенда", "ADMIN", started);
        agent(1, 1, "Администратор стенда", ADMIN_LOGIN, "ALL", started);
        Set<String> logins = new HashSet<>(Set.of(ADMIN_LOGIN));
        long nextAgent = 2;
        for (int t = 0; t < TEAMS.length; t++) {
            long teamId = t + 1;
            String line = (String) TEAMS[t][1];
            int size = (Integer) TEAMS[t][2];
            teamRows.add(teamId).add((String) TEAMS[t][0]).add(line).addTime(started).endRow();
            long[] members = new long[size];
            for (int m = 0; m < size; m++) {
                long id = nextAgent++;
                Names.Person person = Names.person(random);
                String login = unique(logins, person.mailbox(), "@otklik.local");
                // The first member of each team leads it; first-line agents see only their teams' tickets.
                String role = m == 0 ? "SUPERVISOR" : "AGENT";
                String scope = line.equals("L1") && m > 0 ? "OWN_TEAMS" : "ALL";
                account(id, login, person.shortName(), role, started + random.nextInt(300) * DAY);
                agent(id, id, person.shortName(), login, scope, started + random.nextInt(300) * DAY);
                memberships.add(id).add(teamId).endRow();
                members[m] = id;
            }
            teams.add(new Team(teamId, (String) TEAMS[t][0], line, (Double) TEAMS[t][3], members));
        }
    }

    private void account(long id, String login, String name, String role, long created) {
        accounts.add(id).add(login).add(name).add(PASSWORD_HASH).add(role).add("ru").add(true).add(0).addNull()
                .addTime(created).add(0).endRow();
    }

    private void agent(long id, long userId, String name, String email, String scope, long created) {
        agents.add(id).add(userId).add(name).add(email).add(scope).addTime(created).add(0).endRow();
        agentNames.add(name);
    }

    private String[] buildOrganizations(Random random) {
        String[] domains = new String[organizationCount + 1];
        Set<String> seen = new HashSet<>();
        for (int id = 1; id <= organizationCount; id++) {
            String[] org = Names.organization(random);
            domains[id] = unique(seen, org[1], ".ru");
            long created = now - (760 + random.nextInt(900)) * DAY;
            organizations.add(id).add(org[0]).add(domains[id]).addTime(created).endRow();
        }
        return domains;
    }

    private void buildCustomers(Random random, String[] domains) {
        Set<String> emails = new HashSet<>(customerCount * 2);
        Set<String> phones = new HashSet<>(customerCount);
        for (int id = 1; id <= customerCount; id++) {
            Names.Person person = Names.person(random);
            long organization = random.nextInt(100) < 85 ? 1 + random.nextInt(organizationCount) : 0;
            String host = organization == 0 ? Names.mailHost(random) : domains[(int) organization];
            String email = unique(emails, person.mailbox(), "@" + host);
            String phone = random.nextInt(100) < 60 ? String.format("+7 9%02d %03d-%02d-%02d", random.nextInt(100),
                    random.nextInt(1000), random.nextInt(100), random.nextInt(100)) : null;
            // A phone number belongs to one customer (customer_contact's key); a repeated random one is dropped.
            if (phone != null && !phones.add(phone.replaceAll("[^0-9]", ""))) {
                phone = null;
            }
            long created = now - (730 + random.nextInt(365)) * DAY - random.nextInt(86_400_000);
            customers.add(id).add(person.fullName()).add(email).add(phone)
                    .add(organization == 0 ? null : organization).addTime(created).add(0).endRow();
            contacts.add("EMAIL").add(email.toLowerCase(java.util.Locale.ROOT)).add(id).addTime(created).endRow();
            if (phone != null) {
                contacts.add("PHONE").add("+" + phone.replaceAll("[^0-9]", "")).add(id).addTime(created).endRow();
            }
            customerOrganization[id] = organization;
            customerName[id] = person.fullName();
            customerSignature[id] = person.shortName();
            customerFirstName[id] = person.first();
        }
    }

    /** {@code stem + suffix}, or with a number after the stem when that is taken. */
    private static String unique(Set<String> taken, String stem, String suffix) {
        String candidate = stem + suffix;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = stem + n + suffix;
        }
        return candidate;
    }
}
