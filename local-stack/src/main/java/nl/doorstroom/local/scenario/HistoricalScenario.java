package nl.doorstroom.local.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes the historical scenario, 26 August 2022 to 31 July 2023: what the parties did, as steps on the business
 * clock, each through the inbound path it would take (the gateway with the party's own token, or COA's and IND's
 * Kafka topics). Figures the agreement or COA published are used as they are (taakstelling 2022-H2, 225 CNO places per
 * region, the € 100 million advance, COA's occupancy points); the rest is synthetic but plausible, and the same on
 * every run (a fixed seed). See docs/scenario.md.
 *
 * <p>The steps are written to {@code local-stack/src/main/resources/scenario/}; regenerate them after changing this
 * class (docs/scenario.md has the command) and commit both.
 */
public final class HistoricalScenario {

    public static final Instant START = Instant.parse("2022-08-26T06:00:00Z");
    public static final LocalDate END = LocalDate.parse("2023-07-31");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One municipality of the 2023 list, with the region and province it belongs to. */
    record Gemeente(String code, String name, String vr, String province, int inhabitants) {
    }

    private final List<Gemeente> gemeenten;
    private final Random random = new Random(20220826L);
    private final List<ObjectNode> steps = new ArrayList<>();
    private int sequence;

    HistoricalScenario(List<Gemeente> gemeenten) {
        this.gemeenten = gemeenten;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: HistoricalScenario <gemeenten_2023_342_vr_inwoners_20220101.csv> <output.ndjson>");
            System.exit(2);
        }
        List<ObjectNode> steps = new HistoricalScenario(readGemeenten(Path.of(args[0]))).build();
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (ObjectNode step : steps) {
                out.write(JSON.writeValueAsString(step));
                out.write('\n');
            }
        }
        System.out.println(steps.size() + " steps written to " + args[1]);
    }

    static List<Gemeente> readGemeenten(Path csv) throws IOException {
        List<Gemeente> all = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.strip().split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            if (!f[0].startsWith("GM")) {
                continue;
            }
            all.add(new Gemeente(f[0], f[1].replace("\"", ""), f[2], f[4], Integer.parseInt(f[6].trim())));
        }
        return all;
    }

    List<ObjectNode> build() {
        agreementAndDeadlines();
        taakstellingen();
        Map<String, List<CnoLocation>> cno = cnoLocations();
        coaLocations();
        indVergunningen();
        housingReports();
        finance(cno);
        steps.sort(Comparator.comparing((ObjectNode s) -> s.get("at").asText()).thenComparing(s -> s.get("seq").asInt()));
        steps.forEach(s -> s.remove("seq"));
        return steps;
    }

    // --- the Rijk's deliverables: met on time, met late, extended, or left to be missed ---

    /**
     * Deliverables met on time are met days before their due moment, so a busy machine cannot make them late. Each is
     * reported by a party that owes it: COA opened the emergency location of I.1, the LRT's package is III.12.1.
     */
    private void agreementAndDeadlines() {
        met("III.15", "rijk", "2022-08-26", "Gezamenlijke brief Rijk, VNG, Veiligheidsberaad en IPO aan alle gemeenten (scenario)");
        met("III.10", "rijk", "2022-08-26", "Kamerbrief financiering opvang AMV's (scenario)");
        met("I.1", "coa", "2022-08-30", "Noodopvang nabij Ter Apel geopend (scenario)");
        met("III.7.6", "rijk", "2022-09-20", "Helpdesk veiligheidsregio's en gemeenten bij COA en IND bereikbaar (scenario)");
        met("III.2.3", "rijk", "2022-09-26", "Wetsvoorstel spoedwetgeving in internetconsultatie (scenario)");
        met("III.2.1", "rijk", "2022-09-26", "Kamerbrief visie op de opvang en plannen (scenario)");
        met("III.2.4", "rijk", "2022-09-27", "Transitieplan afbouw CNO naar het Bestuurlijk Overleg (scenario)");
        extend("III.11", "rijk", "2022-09-26", "2022-11-01", "Plan Oekraïense derdelanders wacht op Europese afstemming (scenario)");
        met("III.11", "rijk", "2022-10-25", "Kamerbrief derdelanders met tijdelijke verblijfsvergunning (scenario)");
        met("III.6", "rijk", "2022-11-15", "Afspraken ruimtelijke ordening met provincies, laat (scenario)");
        extend("III.12.1", "lrt", "2022-12-12", "2023-02-15", "Maatregelenpakket LRT naar de LRT van februari (scenario)");
        met("III.12.1", "lrt", "2023-02-06", "Maatregelenpakket LRT vastgesteld (scenario)");
        // II.1, III.2, III.5, III.7.5, INL.2 and the entry into force of the emergency law (III.2.3/2023-01-01)
        // are left to the deadline service: they go to missed on their due dates.
        progress("capacity", "III.7.1", "MET", "2022-09-15", "Locaties onder de normale standaard aanvaard en zo gemeld (scenario)");
        progress("housing", "III.12.3", "IN_PROGRESS", "2022-11-01", "Versnelling in 2022 via PRT's gemonitord (scenario)");
    }

    private void met(String ref, String party, String date, String evidence) {
        ObjectNode body = JSON.createObjectNode().put("evidence", evidence).put("occurredOn", date);
        http(at(date, 10), party, "/api/deadlines/deadlines/" + ref + "/met", body, null);
    }

    private void extend(String ref, String party, String date, String newDue, String reason) {
        ObjectNode body = JSON.createObjectNode().put("newDue", newDue).put("reason", reason);
        http(at(date, 10), party, "/api/deadlines/deadlines/" + ref + "/extensions", body, null);
    }

    private void progress(String service, String ref, String status, String date, String note) {
        ObjectNode body = JSON.createObjectNode().put("status", status).put("note", note).put("reportedBy", "RIJK")
                .put("occurredOn", date);
        http(at(date, 11), "rijk", "/api/" + service + "/commitments/" + ref + "/progress", body, null);
    }

    // --- housing: the taakstelling per half year (III.12.2), reports per municipality, corrections ---

    private void taakstellingen() {
        taakstelling("2022-H2", 13_500, "2022-08-26");
        taakstelling("2023-H1", 20_400, "2022-12-01");
        taakstelling("2023-H2", 18_000, "2023-06-01");
    }

    private void taakstelling(String period, int total, String date) {
        ObjectNode body = JSON.createObjectNode().put("nationalTotal", total).put("occurredOn", date);
        http(at(date, 8), "rijk", "/api/housing/periods/" + period + "/taakstelling", body, null);
    }

    private void housingReports() {
        long population = gemeenten.stream().mapToLong(Gemeente::inhabitants).sum();
        Map<String, Integer> regularH2 = new TreeMap<>();
        for (Gemeente g : gemeenten) {
            double pace = 0.55 + random.nextDouble() * 0.9;
            int reportDay = 1 + Math.floorMod(g.code().hashCode(), 27);
            // every two months, what was housed since the last report
            for (LocalDate month = LocalDate.parse("2022-09-01"); !month.isAfter(END); month = month.plusMonths(2)) {
                LocalDate day = month.withDayOfMonth(reportDay);
                boolean secondHalf2022 = day.getYear() == 2022;
                double monthly = secondHalf2022 ? 13_500 * 1.15 / 4 : (day.getMonthValue() <= 6 ? 20_400 / 6.0 : 18_000 / 6.0);
                double expected = 2 * monthly * g.inhabitants() / population * pace * (0.7 + random.nextDouble() * 0.6);
                int persons = (int) Math.floor(expected + random.nextDouble());
                if (persons < 1) {
                    continue;
                }
                String form = form();
                if (secondHalf2022 && form.equals("REGULIERE_WONINGVOORRAAD")) {
                    regularH2.merge(g.code(), persons, Integer::sum);
                }
                ObjectNode body = JSON.createObjectNode().put("persons", persons).put("housingForm", form)
                        .put("occurredOn", day.toString());
                http(at(day.toString(), 9 + random.nextInt(8)), "gemeente-" + g.code(),
                        "/api/housing/municipalities/" + g.code() + "/housings", body, null);
            }
        }
        // a December count corrected in March (docs/audit.md): 35 persons linked in December were reported late
        correction("GM0363", regularH2.getOrDefault("GM0363", 0) + 35, "2022-12-15", "2023-03-14",
                "35 in december gehuisveste statushouders niet eerder gemeld (scenario)");
        correction("GM0599", Math.max(0, regularH2.getOrDefault("GM0599", 0) - 12), "2022-11-30", "2023-02-07",
                "12 personen dubbel gemeld (scenario)");
        correction("GM0014", regularH2.getOrDefault("GM0014", 0) + 8, "2022-12-20", "2023-04-18",
                "Nagekomen koppelingen december (scenario)");
        for (int i = 0; i < 40; i++) {
            Gemeente g = gemeenten.get(random.nextInt(gemeenten.size()));
            LocalDate day = LocalDate.parse("2022-11-01").plusDays(random.nextInt(260));
            ObjectNode body = JSON.createObjectNode().put("homes", 10 + random.nextInt(140))
                    .put("centrallyProcured", random.nextInt(4) == 0).put("occurredOn", day.toString());
            http(at(day.toString(), 14), "gemeente-" + g.code(), "/api/housing/municipalities/" + g.code() + "/flexwoningen", body, null);
        }
    }

    private String form() {
        int roll = random.nextInt(100);
        return roll < 85 ? "REGULIERE_WONINGVOORRAAD" : roll < 93 ? "TUSSENVOORZIENING" : roll < 97 ? "TIJDELIJKE_VOORZIENING" : "FLEXWONING";
    }

    private void correction(String gemeente, int persons, String about, String recordedOn, String reason) {
        ObjectNode body = JSON.createObjectNode().put("period", "2022-H2").put("housingForm", "REGULIERE_WONINGVOORRAAD")
                .put("persons", persons).put("reason", reason).put("occurredOn", about);
        http(at(recordedOn, 10), "gemeente-" + gemeente, "/api/housing/municipalities/" + gemeente + "/housings/corrections", body, null);
    }

    // --- CNO: pledges (III.1), locations opened, occupied, and wound down (III.2.4) ---

    record CnoLocation(String id, String vr, int places, LocalDate opened, LocalDate closed) {
    }

    private Map<String, List<CnoLocation>> cnoLocations() {
        Map<String, List<CnoLocation>> byRegion = new LinkedHashMap<>();
        for (int r = 1; r <= 25; r++) {
            String vr = "VR%02d".formatted(r);
            String client = "vr-" + vr;
            LocalDate pledged = LocalDate.parse("2022-08-29").plusDays(r % 5);
            pledge(client, vr, 1, pledged);
            boolean secondTranche = r % 5 != 0 && r % 7 != 0;
            if (secondTranche) {
                pledge(client, vr, 2, LocalDate.parse("2022-09-12").plusDays(r % 14));
            }
            int target = secondTranche ? 450 : 225;
            int count = 1 + random.nextInt(3);
            List<Gemeente> inRegion = gemeenten.stream().filter(g -> g.vr().equals(vr)).toList();
            List<CnoLocation> locations = new ArrayList<>();
            for (int k = 1; k <= count; k++) {
                int places = (int) Math.round(target / (double) count * (0.6 + random.nextDouble() * 0.5));
                LocalDate opened = LocalDate.parse("2022-09-01").plusDays(random.nextInt(55));
                boolean late = vr.equals("VR06") && k == 1 || vr.equals("VR13") && k == 1;
                LocalDate closed = late ? LocalDate.parse("2023-01-16").plusDays(r % 5)
                        : LocalDate.parse("2022-12-01").plusDays(random.nextInt(28));
                CnoLocation location = new CnoLocation("CNO-%s-%d".formatted(vr, k), vr, places, opened, closed);
                locations.add(location);
                Gemeente host = inRegion.get(random.nextInt(inRegion.size()));
                ObjectNode open = JSON.createObjectNode().put("locationId", location.id()).put("veiligheidsregio", vr)
                        .put("name", (k % 2 == 0 ? "Evenementenhal " : "Sporthal ") + host.name()).put("gemeente", host.code())
                        .put("places", places).put("belowNormalStandard", random.nextInt(3) == 0)
                        .put("occurredOn", opened.toString());
                http(at(opened.toString(), 9), client, "/api/capacity/cno-locations", open, null);
                for (LocalDate d = opened.plusDays(7); d.isBefore(location.closed()); d = d.plusDays(14)) {
                    ObjectNode occupancy = JSON.createObjectNode()
                            .put("occupied", (int) (places * (0.5 + random.nextDouble() * 0.48))).put("occurredOn", d.toString());
                    http(at(d.toString(), 12), client, "/api/capacity/cno-locations/" + location.id() + "/occupancy", occupancy, null);
                }
                if (random.nextInt(10) < 3) {
                    ObjectNode handOver = JSON.createObjectNode().put("to", "COA").put("recipient", "COA")
                            .put("occurredOn", closed.toString());
                    http(at(closed.toString(), 15), client, "/api/capacity/cno-locations/" + location.id() + "/handover", handOver, null);
                } else {
                    ObjectNode closure = JSON.createObjectNode().put("occurredOn", closed.toString());
                    http(at(closed.toString(), 15), client, "/api/capacity/cno-locations/" + location.id() + "/closure", closure, null);
                }
            }
            byRegion.put(vr, locations);
        }
        return byRegion;
    }

    private void pledge(String client, String vr, int tranche, LocalDate day) {
        ObjectNode body = JSON.createObjectNode().put("tranche", tranche).put("places", 225).put("occurredOn", day.toString());
        http(at(day.toString(), 9), client, "/api/capacity/regions/" + vr + "/pledges", body, null);
    }

    // --- COA: its locations and occupancy, on coa.locaties.v1 and coa.bezetting.v1 ---

    private void coaLocations() {
        List<String[]> locations = new ArrayList<>();
        String[] names = {"Ter Apel", "Budel", "Gilze", "Zweeloo", "Musselkanaal", "Overloon", "Dronten", "Echt",
                "Grave", "Heerhugowaard", "Hoogeveen", "Katwijk", "Leersum", "Luttelgeest", "Maastricht", "Middelburg",
                "Almelo", "Amersfoort", "Arnhem", "Assen", "Baexem", "Delfzijl", "Den Helder", "Emmen", "Gouda",
                "Rijswijk", "Sweikhuizen", "Winterswijk", "Zeist", "Zutphen"};
        // the standing portfolio (≈ 42,700 places in July 2022) and the emergency locations opened in the autumn
        for (int i = 0; i < names.length; i++) {
            int places = 900 + random.nextInt(1_000);
            locations.add(new String[]{"COA-" + names[i].replace(' ', '-').toUpperCase(), "AZC " + names[i],
                    String.valueOf(places), "2022-08-26"});
        }
        String[] emergency = {"Doetinchem", "Harderwijk", "Vlissingen", "Venlo", "Lelystad", "Nijmegen", "Utrecht",
                "Goes", "Veenhuizen", "Zoutkamp"};
        for (int i = 0; i < emergency.length; i++) {
            LocalDate opened = LocalDate.parse("2022-09-15").plusDays(i * 10L);
            locations.add(new String[]{"COA-NOOD-" + emergency[i].toUpperCase(), "Noodopvang " + emergency[i],
                    String.valueOf(600 + random.nextInt(500)), opened.toString()});
        }
        for (String[] l : locations) {
            int places = Integer.parseInt(l[2]);
            int statushouders = places / 5;
            ObjectNode plaatsen = JSON.createObjectNode().put("ASIELZOEKERS", places - statushouders).put("STATUSHOUDERS", statushouders);
            ObjectNode data = JSON.createObjectNode().put("locatieId", l[0]).put("naam", l[1]).put("datum", l[3]);
            data.set("plaatsen", plaatsen);
            kafka(at(l[3], 7), "coa.locaties.v1", l[0], "nl.coa.locaties.LocatieGeopend.v1", data);
            for (LocalDate d = LocalDate.parse(l[3]).plusDays(3); !d.isAfter(END); d = d.plusDays(28)) {
                double fill = occupancyFill(d);
                int asiel = (int) ((places - statushouders) * Math.min(0.99, fill * (0.92 + random.nextDouble() * 0.08)));
                int status = (int) (statushouders * Math.min(0.99, fill * (0.92 + random.nextDouble() * 0.08)));
                ObjectNode bezetting = JSON.createObjectNode().put("ASIELZOEKERS", asiel).put("STATUSHOUDERS", status);
                ObjectNode report = JSON.createObjectNode().put("locatieId", l[0]).put("peildatum", d.toString());
                report.set("bezetting", bezetting);
                kafka(at(d.toString(), 6), "coa.bezetting.v1", l[0], "nl.coa.bezetting.BezettingGemeld.v1", report);
            }
        }
    }

    /** How full COA's locations are: rising from June 2022 (40,384 on a location) to April 2023 (≈ 53,000 incl. CNO). */
    private static double occupancyFill(LocalDate day) {
        double months = ChronoUnit.DAYS.between(LocalDate.parse("2022-08-26"), day) / 30.4;
        return Math.min(0.99, 0.86 + months * 0.012);
    }

    // --- IND: permits granted per week, on ind.vergunningen.v1 ---

    private void indVergunningen() {
        for (LocalDate monday = LocalDate.parse("2022-08-29"); !monday.isAfter(END); monday = monday.plusWeeks(1)) {
            String week = "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            ObjectNode aantallen = JSON.createObjectNode().put("ASIEL", 1_100 + random.nextInt(900)).put("NAREIS", 350 + random.nextInt(550));
            ObjectNode data = JSON.createObjectNode().put("week", week);
            data.set("aantallen", aantallen);
            kafka(at(monday.with(DayOfWeek.TUESDAY).toString(), 7), "ind.vergunningen.v1", week,
                    "nl.ind.vergunningen.VergunningenVerleend.v1", data);
        }
    }

    // --- money: the advance (III.14), CNO and GGD claims (III.13, III.1.4), business cases (III.9), an amendment ---

    private void finance(Map<String, List<CnoLocation>> cno) {
        for (String vr : cno.keySet()) {
            ObjectNode advance = JSON.createObjectNode().put("recipient", vr).put("amount", "4000000.00").put("occurredOn", "2022-10-03");
            http(at("2022-10-03", 10), "rijk", "/api/finance/advances", advance, null);
        }
        int claims = 0;
        for (List<CnoLocation> locations : cno.values()) {
            for (CnoLocation l : locations) {
                LocalDate realisation = l.opened().plusDays(30);
                claim(++claims, l, "CNO_REALISATIE", euros(l.places() * (1_800 + random.nextInt(1_400))), realisation);
                long days = ChronoUnit.DAYS.between(l.opened(), l.closed());
                claim(++claims, l, "CNO_EXPLOITATIE", euros(l.places() * days * (38 + random.nextInt(30))), l.closed().plusDays(20));
                if (random.nextInt(3) == 0) {
                    claim(++claims, l, "BEVEILIGING", euros(days * (900 + random.nextInt(1_500))), l.closed().plusDays(25));
                }
            }
        }
        for (int i = 0; i < 12; i++) {
            String ggd = "GGD%02d".formatted(1 + random.nextInt(25));
            LocalDate day = LocalDate.parse("2022-11-01").plusDays(random.nextInt(200));
            String id = "claim-" + (++claims);
            ObjectNode body = JSON.createObjectNode().put("claimant", ggd).put("category", "MEDISCH").put("line", "GGD_MEDISCHE_KOSTEN")
                    .put("amount", euros(20_000 + random.nextInt(180_000))).put("description", "Extra medische zorg CNO-bewoners (scenario)")
                    .put("occurredOn", day.toString());
            http(at(day.toString(), 11), "ggd-" + ggd, "/api/finance/claims", body, id);
            // COA reimburses a GGD's extra medical costs (III.1.4), so COA decides and pays them
            decide(id, "coa", new BigDecimal(body.get("amount").asText()), day.plusDays(21 + random.nextInt(14)));
        }
        businessCases();
        ObjectNode amendment = JSON.createObjectNode().put("year", 2023).put("amount", "3000000.00")
                .put("reason", "Voorjaarsnota 2023: extra middelen provinciale regietafels (scenario)").put("occurredOn", "2023-04-14");
        http(at("2023-04-14", 10), "rijk", "/api/finance/table/lines/PROVINCIALE_REGIE_TAFEL/amendments", amendment, null);
    }

    private void claim(int number, CnoLocation location, String category, String amount, LocalDate day) {
        String id = "claim-" + number;
        ObjectNode body = JSON.createObjectNode().put("claimant", location.vr()).put("category", category).put("line", "CNO_KOSTEN")
                .put("amount", amount).put("cnoLocationId", location.id())
                .put("description", category + " " + location.id() + " (scenario)").put("occurredOn", day.toString());
        http(at(day.toString(), 11), "vr-" + location.vr(), "/api/finance/claims", body, id).put("awaitsOtherService", true);
        decide(id, "rijk", new BigDecimal(amount), day.plusDays(14 + random.nextInt(21)));
    }

    /** Mostly approved in full and paid; some approved in part, a few rejected; by the party that decides the claim. */
    private void decide(String id, String decider, BigDecimal claimed, LocalDate day) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            ObjectNode rejection = JSON.createObjectNode().put("reason", "Kosten vallen buiten de regeling (scenario)").put("occurredOn", day.toString());
            http(at(day.toString(), 13), decider, "/api/finance/claims/{" + id + "}/rejection", rejection, null);
            return;
        }
        BigDecimal approved = roll < 3 ? claimed.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.DOWN) : claimed;
        ObjectNode approval = JSON.createObjectNode().put("approvedAmount", approved.toPlainString()).put("occurredOn", day.toString());
        if (roll < 3) {
            approval.put("reason", "Deels onvoldoende onderbouwd (scenario)");
        }
        http(at(day.toString(), 13), decider, "/api/finance/claims/{" + id + "}/approval", approval, null);
        LocalDate paid = day.plusDays(7 + random.nextInt(10));
        if (!paid.isAfter(END)) {
            http(at(paid.toString(), 14), decider, "/api/finance/claims/{" + id + "}/payment",
                    JSON.createObjectNode().put("occurredOn", paid.toString()), null);
        }
    }

    /** 30 business cases; 25 assessed within hours, 5 only after 5 to 8 days (their 72 hours missed). */
    private void businessCases() {
        String[] titles = {"Tijdelijke units", "Transformatie kantoorpand", "Flexwoningen", "Tussenvoorziening", "Hospitality-woningen"};
        for (int i = 1; i <= 30; i++) {
            Gemeente g = gemeenten.get(random.nextInt(gemeenten.size()));
            LocalDate day = LocalDate.parse("2022-10-10").plusDays(random.nextInt(250));
            Instant submitted = at(day.toString(), 9);
            String id = "bc-" + i;
            ObjectNode body = JSON.createObjectNode().put("gemeente", g.code())
                    .put("title", titles[i % titles.length] + " " + g.name() + " (scenario)")
                    .put("amount", euros(250_000 + random.nextInt(4_000_000))).put("occurredOn", day.toString());
            http(submitted, "gemeente-" + g.code(), "/api/finance/business-cases", body, id);
            boolean late = i % 6 == 0;
            Instant assessed = late ? submitted.plus(5 + random.nextInt(4), ChronoUnit.DAYS)
                    : submitted.plus(1 + random.nextInt(6), ChronoUnit.HOURS);
            String assessedOn = assessed.atZone(ZoneOffset.UTC).toLocalDate().toString();
            ObjectNode assessment = JSON.createObjectNode();
            if (i % 7 == 0) {
                assessment.put("outcome", "REJECTED").put("reason", "Geen versnelling van de uitstroom aangetoond (scenario)");
            } else {
                assessment.put("outcome", "APPROVED").put("approvedAmount", body.get("amount").asText()).put("line", "HUISVESTINGSPAKKET");
            }
            assessment.put("occurredOn", assessedOn);
            http(assessed, "rijk", "/api/finance/business-cases/{" + id + "}/assessment", assessment, null);
            LocalDate paidOn = LocalDate.parse(assessedOn).plusDays(10);
            if (i % 7 != 0 && !paidOn.isAfter(END)) {
                http(at(paidOn.toString(), 14), "rijk", "/api/finance/business-cases/{" + id + "}/payment",
                        JSON.createObjectNode().put("occurredOn", paidOn.toString()), null);
            }
        }
    }

    private static String euros(long amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    // --- steps ---

    private static Instant at(String date, int hourUtc) {
        Instant at = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).plusHours(hourUtc).toInstant();
        return at.isBefore(START) ? START : at;
    }

    /** A call through the gateway as {@code client}; {@code saveAs} keeps the created id for later paths ({@code {saveAs}}). */
    private ObjectNode http(Instant at, String client, String path, ObjectNode body, String saveAs) {
        if (at.isAfter(END.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return JSON.createObjectNode();
        }
        ObjectNode step = JSON.createObjectNode().put("at", at.toString()).put("seq", sequence++).put("as", client).put("post", path);
        step.set("body", body);
        if (saveAs != null) {
            step.put("saveAs", saveAs);
        }
        steps.add(step);
        return step;
    }

    /** A CloudEvent on an inbound topic, as COA or IND sends it. */
    private void kafka(Instant at, String topic, String key, String type, ObjectNode data) {
        ObjectNode step = JSON.createObjectNode().put("at", at.toString()).put("seq", sequence++).put("topic", topic)
                .put("key", key).put("type", type);
        step.set("data", data);
        steps.add(step);
    }
}
