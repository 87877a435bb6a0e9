package io.otklik.bench;

import java.util.Random;

/**
 * Makes tickets with a plausible life: the customer writes, routing picks a team, an agent takes it, replies and
 * notes follow, and the status ends where the mix says. Messages and history agree with the ticket row, the way the
 * application itself would have recorded them. A batch depends only on the seed and its first index, so batches can
 * be built in any order or in parallel.
 */
final class TicketFactory {

    /** The first number {@code ticket_number_seq} hands out; generated tickets take the numbers from here on. */
    static final long FIRST_NUMBER = 1001;
    static final int MAX_MESSAGES = 4;
    static final int MAX_HISTORY = 16;

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    // About 30% unsolved (NEW, OPEN, PENDING, ON_HOLD), as the queue benchmarks need.
    private static final String[] STATUSES = {"NEW", "OPEN", "PENDING", "ON_HOLD", "SOLVED", "CLOSED"};
    private static final int[] STATUS_WEIGHTS = {6, 12, 8, 4, 8, 62};
    static final int DEFAULT_UNSOLVED_PERCENT = 30;
    private static final String[] PRIORITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
    private static final int[] PRIORITY_WEIGHTS = {5, 20, 55, 20};
    private static final String[] CHANNELS = {"EMAIL", "WEB_FORM", "PORTAL", "PHONE", "TELEGRAM", "CHAT", "VK", "API",
            "AGENT"};
    private static final int[] CHANNEL_WEIGHTS = {45, 14, 15, 8, 7, 6, 2, 2, 1};
    private static final String SYSTEM_NAME = "Otklik";

    private final People people;
    private final long now;
    private final long seed;
    private final double[] teamShares;
    private final int[] statusWeights;

    TicketFactory(People people, long now, long seed) {
        this(people, now, seed, DEFAULT_UNSOLVED_PERCENT);
    }

    /**
     * @param unsolvedPercent the share of unsolved tickets (NEW, OPEN, PENDING, ON_HOLD in the usual proportions to
     *        each other, as SOLVED and CLOSED are); the default 30 gives the same rows as ever for a seed
     */
    TicketFactory(People people, long now, long seed, int unsolvedPercent) {
        if (unsolvedPercent < 0 || unsolvedPercent > 100) {
            throw new IllegalArgumentException("the unsolved share is a percentage, 0 to 100: " + unsolvedPercent);
        }
        this.people = people;
        this.now = now;
        this.seed = seed;
        teamShares = people.teams.stream().mapToDouble(People.Team::share).toArray();
        statusWeights = unsolvedPercent == DEFAULT_UNSOLVED_PERCENT ? STATUS_WEIGHTS : statusWeights(unsolvedPercent);
    }

    /** Weights per mille: the unsolved statuses share {@code unsolved} percent as 6:12:8:4, the solved ones 8:62. */
    private static int[] statusWeights(int unsolved) {
        int[] weights = new int[STATUS_WEIGHTS.length];
        for (int i = 0; i < weights.length; i++) {
            boolean open = i < 4;
            int groupTotal = open ? 30 : 70;
            int share = open ? unsolved : 100 - unsolved;
            weights[i] = Math.round(STATUS_WEIGHTS[i] * share * 10f / groupTotal);
        }
        return weights;
    }

    Batch build(long from, long to) {
        Random random = new Random(seed * 1_000_003L + from);
        int count = (int) (to - from);
        Batch batch = new Batch(count, new CopyRows(count * 200), new CopyRows(count * 30),
                new CopyRows(count * 2_000), new CopyRows(count * 400));
        for (long index = from; index < to; index++) {
            new OneTicket(random, index, batch).write();
        }
        return batch;
    }

    /** The making of one ticket; fields hold what later steps (messages, history) must agree with. */
    private final class OneTicket {

        private final Random random;
        private final long index;
        private final long id;
        private final Batch batch;
        private int messages;
        private int history;

        private String status;
        private long created;
        private long solved;
        private long closed;
        private long updated;
        private People.Team team;
        private long assignee;
        private long customer;
        private String channel;

        OneTicket(Random random, long index, Batch batch) {
            this.random = random;
            this.index = index;
            this.id = FIRST_NUMBER + index;
            this.batch = batch;
        }

        void write() {
            status = STATUSES[weighted(statusWeights)];
            String priority = PRIORITIES[weighted(PRIORITY_WEIGHTS)];
            channel = CHANNELS[weighted(CHANNEL_WEIGHTS)];
            customer = 1 + (long) (people.customerCount * Math.pow(random.nextDouble(), 2));
            customer = Math.min(customer, people.customerCount);
            Long category = random.nextInt(100) < 8 ? null : 1L + random.nextInt(people.categoryCount());
            times();
            routing();
            String reference = "OTK-" + id;

            // History and messages follow the ticket's life in time order.
            record(created, "CUSTOMER", customer, people.customerName[(int) customer], "created", null, reference);
            long[] times = messageTimes();
            message(times[0], "PUBLIC_REPLY", "CUSTOMER", customer, people.customerName[(int) customer],
                    Texts.description(random, people.customerSignature[(int) customer]));
            if (team != null) {
                People.Team first = escalatedFrom();
                record(created + 2_000, "SYSTEM", null, SYSTEM_NAME, "team", null, String.valueOf(first.id()));
                if (first != team) {
                    long at = created + (times[1] - created) / 3;
                    long lead = first.agentIds()[0];
                    record(at, "AGENT", lead, agentName(lead), "team",
                            String.valueOf(first.id()), String.valueOf(team.id()));
                }
            }
            long worker = assignee != 0 ? assignee : team == null ? 2 : pick(team.agentIds());
            if (!status.equals("NEW")) {
                long taken = times[1] - 1 - (long) ((times[1] - created) * 0.3 * random.nextDouble());
                if (assignee != 0) {
                    record(taken, "AGENT", assignee, agentName(assignee), "assignee", null, String.valueOf(assignee));
                }
                record(taken, "AGENT", worker, agentName(worker), "status", "NEW", "OPEN");
                if (!priority.equals("MEDIUM") && random.nextInt(100) < 25) {
                    record(taken, "AGENT", worker, agentName(worker), "priority", "MEDIUM", priority);
                }
            }
            conversation(times, worker);
            ending(worker, times[times.length - 1]);

            batch.ticket().add(id).add(reference).add(Texts.subject(random)).add(status).add(priority).add(category)
                    .add(channel).add(customer).add(organization()).add(assignee == 0 ? null : assignee)
                    .add(team == null ? null : team.id()).addTime(created).addTime(updated)
                    .addTime(solved == 0 ? null : solved).addTime(closed == 0 ? null : closed).add(0).endRow();
            tags();
        }

        /** Unsolved tickets lean recent; closed ones spread over two years, more of them lately (a growing desk). */
        private void times() {
            double u = random.nextDouble();
            long resolution = 30 * MINUTE + (long) (20 * DAY * Math.pow(random.nextDouble(), 3));
            switch (status) {
                case "NEW" -> created = now - (long) (60 * DAY * u * u) - MINUTE;
                case "OPEN" -> created = now - (long) (365 * DAY * u * u) - HOUR;
                case "PENDING" -> created = now - (long) (180 * DAY * u * u) - HOUR;
                case "ON_HOLD" -> created = now - (long) (240 * DAY * u * u) - HOUR;
                case "SOLVED" -> {
                    solved = now - (long) (7 * DAY * u) - MINUTE;
                    created = solved - resolution;
                }
                default -> {
                    long closeAfter = 3 * DAY + (long) (4 * DAY * random.nextDouble());
                    long age = Math.max((long) (730 * DAY * (1 - Math.sqrt(u))), resolution + closeAfter + HOUR);
                    created = now - age;
                    solved = created + resolution;
                    closed = solved + closeAfter;
                }
            }
            // Whole seconds from a fixed start keep runs with the same seed identical.
            created -= created % 1000;
        }

        private void routing() {
            boolean newTicket = status.equals("NEW");
            team = random.nextInt(100) < (newTicket ? 40 : 2) ? null : people.teams.get(weighted(teamShares));
            int unassigned = switch (status) {
                case "NEW" -> 100;
                case "OPEN" -> 15;
                default -> 3;
            };
            assignee = team == null || random.nextInt(100) < unassigned ? 0 : pick(team.agentIds());
        }

        /** Second- and third-line tickets often came through the first line before. */
        private People.Team escalatedFrom() {
            if (team.line().equals("L1") || random.nextInt(100) >= 40) {
                return team;
            }
            People.Team first;
            do {
                first = people.teams.get(weighted(teamShares));
            } while (!first.line().equals("L1"));
            return first;
        }

        private long[] messageTimes() {
            int r = random.nextInt(100);
            int count = r < 40 ? 2 : r < 75 ? 3 : 4;
            long end = switch (status) {
                case "SOLVED", "CLOSED" -> solved - (long) (10 * MINUTE * random.nextDouble()) - 1_000;
                default -> created + (long) ((now - created) * (0.3 + 0.7 * random.nextDouble()));
            };
            end = Math.max(end, created + count * 2_000L);
            long[] times = new long[count];
            times[0] = created;
            for (int j = 1; j < count; j++) {
                long left = end - times[j - 1];
                times[j] = j == count - 1 ? end
                        : times[j - 1] + 1_000 + (long) (left / (count - j) * (0.5 + random.nextDouble()) * 0.9);
            }
            return times;
        }

        private void conversation(long[] times, long worker) {
            String customerName = people.customerName[(int) customer];
            for (int j = 1; j < times.length; j++) {
                boolean last = j == times.length - 1;
                String kind;
                if (status.equals("NEW")) {
                    kind = "CUSTOMER";
                } else if (j == 1) {
                    kind = "REPLY";
                } else if (last) {
                    kind = switch (status) {
                        case "ON_HOLD" -> "NOTE";
                        case "OPEN" -> random.nextBoolean() ? "CUSTOMER" : "NOTE";
                        default -> "REPLY";
                    };
                } else {
                    kind = random.nextBoolean() ? "CUSTOMER" : "NOTE";
                }
                switch (kind) {
                    case "CUSTOMER" -> message(times[j], "PUBLIC_REPLY", "CUSTOMER", customer, customerName,
                            Texts.customerFollowUp(random, people.customerSignature[(int) customer]));
                    case "NOTE" -> message(times[j], "INTERNAL_NOTE", "AGENT", worker, agentName(worker),
                            Texts.note(random));
                    default -> message(times[j], "PUBLIC_REPLY", "AGENT", worker, agentName(worker),
                            Texts.agentReply(random, people.customerFirstName[(int) customer], agentName(worker)));
                }
            }
        }

        private void ending(long worker, long lastMessage) {
            String name = agentName(worker);
            switch (status) {
                case "NEW", "OPEN" -> updated = lastMessage;
                case "PENDING", "ON_HOLD" -> {
                    updated = Math.min(lastMessage + 1_000, now);
                    record(updated, "AGENT", worker, name, "status", "OPEN", status);
                }
                case "SOLVED" -> {
                    record(solved, "AGENT", worker, name, "status", "OPEN", "SOLVED");
                    updated = solved;
                }
                default -> {
                    record(solved, "AGENT", worker, name, "status", "OPEN", "SOLVED");
                    record(closed, "SYSTEM", null, SYSTEM_NAME, "status", "SOLVED", "CLOSED");
                    updated = closed;
                }
            }
        }

        private void message(long at, String kind, String authorType, long authorId, String authorName, String body) {
            long messageId = index * MAX_MESSAGES + messages + 1;
            messages++;
            boolean agentReply = authorType.equals("AGENT") && kind.equals("PUBLIC_REPLY");
            String delivery = agentReply ? (random.nextInt(200) == 0 ? "FAILED" : "SENT") : "NONE";
            batch.messages().add(messageId).add(id).add(kind).add(authorType).add(authorId).add(authorName)
                    .add(channel).add(body).addNull().add(delivery).addTime(at).endRow();
            record(at, authorType, authorId, authorName, kind.equals("PUBLIC_REPLY") ? "reply" : "note", null,
                    String.valueOf(messageId));
        }

        private void record(long at, String actorType, Long actorId, String actorName, String field, String oldValue,
                String newValue) {
            long historyId = index * MAX_HISTORY + history + 1;
            history++;
            batch.history().add(historyId).add(id).addTime(at).add(actorType).add(actorId).add(actorName).add(field)
                    .add(oldValue).add(newValue).endRow();
        }

        private void tags() {
            int r = random.nextInt(100);
            int count = r < 45 ? 0 : r < 75 ? 1 : r < 92 ? 2 : 3;
            String previous = null;
            String beforePrevious = null;
            for (int i = 0; i < count; i++) {
                String tag = Names.pick(random, Texts.TAGS);
                if (!tag.equals(previous) && !tag.equals(beforePrevious)) {
                    batch.tags().add(id).add(tag).endRow();
                }
                beforePrevious = previous;
                previous = tag;
            }
        }

        private Long organization() {
            long organization = people.customerOrganization[(int) customer];
            return organization == 0 ? null : organization;
        }

        private String agentName(long agentId) {
            return people.agentNames.get((int) agentId);
        }

        private long pick(long[] from) {
            return from[random.nextInt(from.length)];
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private int weighted(double[] weights) {
            double r = random.nextDouble() * java.util.Arrays.stream(weights).sum();
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }
    }
}
