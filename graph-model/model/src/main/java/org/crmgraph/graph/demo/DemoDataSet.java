package org.crmgraph.graph.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A small, realistic, reproducible CRM: an electronics web shop's customers across Europe and the
 * US, its catalogue, a year and a half of orders, support tickets with the knowledge-base articles
 * that resolved them, and touchpoints on every channel. The same seed always gives the same graph.
 */
public final class DemoDataSet {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static final String[] FIRST = {
        "Olivia", "Liam", "Emma", "Noah", "Sophie", "Lukas", "Mia", "Jonas", "Chloé", "Hugo", "Lucía", "Mateo",
        "Giulia", "Marco", "Anna", "Erik", "Zofia", "Jakub", "Aoife", "Seán", "Amelia", "Oliver", "Fenna", "Daan",
        "Elsa", "Hannah", "James", "Grace", "Léa", "Paul"
    };
    private static final String[] LAST = {
        "Smith",
        "Jones",
        "Müller",
        "Schmidt",
        "Martin",
        "Bernard",
        "García",
        "López",
        "Rossi",
        "Bianchi",
        "de Vries",
        "Jansen",
        "Johansson",
        "Nowak",
        "Kowalski",
        "Murphy",
        "Kelly",
        "Brown",
        "Taylor",
        "Wilson",
        "Fischer",
        "Dubois",
        "Romero",
        "Ricci",
        "Andersson",
        "Walsh",
        "Novak",
        "Becker"
    };
    private static final String[] STREETS = {
        "High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road", "Garden Close", "Kings Road",
        "Queen Street", "Market Place", "Bridge Street", "Hauptstraße", "Rue de la Paix", "Calle Mayor", "Via Roma"
    };

    private static final String[][] PLACES = {
        {"GB", "London"},
        {"GB", "Manchester"},
        {"DE", "Berlin"},
        {"DE", "Munich"},
        {"FR", "Paris"},
        {"FR", "Lyon"},
        {"NL", "Amsterdam"},
        {"ES", "Madrid"},
        {"IT", "Milan"},
        {"SE", "Stockholm"},
        {"PL", "Warsaw"},
        {"IE", "Dublin"},
        {"US", "New York"},
        {"US", "Austin"}
    };
    private static final String[][] CATALOGUE = {
        {
            "Laptops",
            "Aero 14 Laptop",
            "1199",
            "Slate 13 Ultrabook",
            "999",
            "Forge 16 Workstation",
            "2199",
            "Study 11 Chromebook",
            "329"
        },
        {
            "Phones",
            "Nova X Phone",
            "899",
            "Nova Lite Phone",
            "399",
            "Pocket Mini Phone",
            "249",
            "Nova X Pro Phone",
            "1199"
        },
        {
            "Audio",
            "Quiet Pro Headphones",
            "299",
            "Buds Air Earbuds",
            "149",
            "Boom Go Speaker",
            "89",
            "Soundbar 300",
            "349"
        },
        {
            "Smart Home",
            "Glow Smart Bulb",
            "19",
            "Plug One Smart Plug",
            "25",
            "Hearth Thermostat",
            "199",
            "Sentinel Doorbell Cam",
            "179"
        },
        {"Cameras", "Vista M50 Camera", "749", "Action 4K Cam", "299", "Vista 35mm Lens", "349", "Travel Tripod", "59"},
        {
            "Accessories",
            "USB-C Charger 65W",
            "39",
            "Braided USB-C Cable",
            "15",
            "Laptop Sleeve 14",
            "29",
            "Power Bank 20k",
            "49"
        },
        {
            "Gaming",
            "Arc Game Controller",
            "59",
            "Arc Console",
            "449",
            "Racer Headset",
            "99",
            "Arc Memory Card 1TB",
            "129"
        },
        {"Wearables", "Pulse Smartwatch", "249", "Pulse Band", "79", "Trail GPS Watch", "399", "Pulse Strap", "25"}
    };
    // Chinese articles and tickets show Chinese questions answered from Chinese sources: {title, body, tag}
    private static final String[][] ARTICLES_ZH = {
        {"重置账户密码", "在登录页面点击“忘记密码”，我们会在五分钟内向您的邮箱发送重置链接。链接在一小时内有效。如果没有收到邮件，请检查垃圾邮件文件夹。", "account"},
        {"退货和退款", "收到商品后三十天内可以退货。请在订单页面打印退货标签并贴在包裹上。仓库收到包裹后，五个工作日内退款到原支付账户。", "returns"},
        {"查询物流", "订单在两天内发货。发货邮件中有物流跟踪链接。送达通常需要三到五天。", "delivery"},
        {"下载发票", "发票可以在订单页面点击“下载发票”获取。需要企业发票的，请在下单时填写公司抬头和税号。", "billing"}
    };
    // {subject, body} per Chinese article, in the customer's words: neutral, upset and pleased
    private static final String[][][] TICKETS_ZH = {
        {{"忘记密码", "我忘记了密码，登录不了，怎么办？"}, {"密码重置邮件收不到", "已经试了三次，重置邮件一直收不到，太让人生气了！"}},
        {{"怎么退货", "衣服尺码不合适，想退货，请问怎么操作？"}, {"退款太慢", "退货两周了还没收到退款，非常失望。"}},
        {{"包裹到哪了", "我的订单什么时候能送到？"}, {"感谢快速送达", "包裹第二天就到了，非常满意，谢谢！"}},
        {{"发票在哪里下载", "我找不到上个月订单的发票。"}, {"需要企业发票", "请问怎么开公司抬头的发票？"}}
    };
    private static final String[][] ARTICLES = {
        {
            "Resetting your account password",
            "Go to Sign in, choose 'Forgot password' and follow the link we e-mail you within 5 minutes. Check spam if it does not arrive.",
            "account",
            "password"
        },
        {
            "Tracking your order",
            "Open Orders in your account and choose Track. Parcels ship within 1 business day; tracking updates within 24 hours of dispatch.",
            "orders",
            "delivery"
        },
        {
            "Returns and refunds",
            "You can return any product within 30 days. Start a return from Orders, print the label, and we refund within 5 days of receiving it.",
            "returns",
            "refund"
        },
        {
            "Warranty claims",
            "All products carry a 2-year warranty. Send the serial number and a photo of the fault; we repair or replace within 10 days.",
            "warranty"
        },
        {
            "Pairing Bluetooth headphones and earbuds",
            "Hold the power button for 7 seconds until the light flashes blue, then pick the device in your phone's Bluetooth settings. Forget the old pairing first if it fails.",
            "audio",
            "bluetooth"
        },
        {
            "Smart plug or bulb will not join Wi-Fi",
            "Our smart home devices need a 2.4 GHz network. Reset the device (hold 10 s), keep it within 5 m of the router, and add it again in the app.",
            "smart-home",
            "wifi"
        },
        {
            "Camera battery drains quickly",
            "Turn off Wi-Fi transfer and the always-on screen, update the firmware, and charge the battery fully three times to calibrate it.",
            "cameras",
            "battery"
        },
        {
            "Laptop will not charge",
            "Use the original 65 W charger, try another outlet, and hold the power button for 30 s with the charger removed to reset the battery controller.",
            "laptops",
            "battery",
            "charging"
        },
        {
            "Phone screen is unresponsive",
            "Force restart by holding power and volume down for 15 seconds. If the screen stays black, book a repair under warranty.",
            "phones",
            "screen"
        },
        {
            "Changing your delivery address",
            "You can change the address until the order ships: open the order and choose Edit address. After dispatch, contact the carrier with your tracking number.",
            "orders",
            "delivery"
        },
        {
            "Game controller drifts",
            "Recalibrate in Settings > Controllers, update the controller firmware, and clean the stick base. Drift within 2 years is covered by warranty.",
            "gaming",
            "warranty"
        },
        {
            "Smartwatch does not sync",
            "Keep Bluetooth on, open the companion app, and pull to refresh. Restart both devices if syncing stops for more than an hour.",
            "wearables",
            "bluetooth"
        },
        {
            "Payment declined at checkout",
            "Check the billing address matches your card, that 3-D Secure is enabled, and try again. Your bank may block the first online purchase.",
            "payments"
        },
        {
            "Using a discount code",
            "Enter the code in the basket before checkout. Codes cannot be combined and do not apply to gift cards.",
            "payments",
            "promotions"
        },
        {
            "Deleting your account and data",
            "Ask us through the privacy form; we erase your personal data within 30 days and keep only anonymous sales records.",
            "account",
            "privacy"
        }
    };
    private static final String[] CHANNEL_TYPES = {
        "EMAIL:newsletter_opened",
        "EMAIL:campaign_clicked",
        "WEB:page_view",
        "WEB:product_view",
        "WEB:cart_abandoned",
        "CHAT:chat_session",
        "PHONE:support_call",
        "SOCIAL:mention",
        "SOCIAL:review_posted",
        "STORE:store_visit"
    };

    private final Random random;
    private final long seed;
    private final List<Map<String, Object>> customers = new ArrayList<>();
    private final List<Map<String, Object>> products = new ArrayList<>();
    private final List<Map<String, Object>> articles = new ArrayList<>();
    private final List<Map<String, Object>> orders = new ArrayList<>();
    private final List<Map<String, Object>> tickets = new ArrayList<>();
    private final List<Map<String, Object>> interactions = new ArrayList<>();

    public DemoDataSet(long seed, int customerCount) {
        this.seed = seed;
        this.random = new Random(seed);
        generateCatalogue();
        generateArticles();
        for (int i = 0; i < customerCount; i++) {
            generateCustomer(i);
        }
        generateChinese(customerCount);
    }

    public List<Map<String, Object>> customers() {
        return customers;
    }

    public List<Map<String, Object>> products() {
        return products;
    }

    public List<Map<String, Object>> articles() {
        return articles;
    }

    public List<Map<String, Object>> orders() {
        return orders;
    }

    public List<Map<String, Object>> tickets() {
        return tickets;
    }

    public List<Map<String, Object>> interactions() {
        return interactions;
    }

    private void generateCatalogue() {
        for (String[] category : CATALOGUE) {
            for (int i = 1; i < category.length; i += 2) {
                String sku = category[0].substring(0, 3).toUpperCase(Locale.ROOT) + "-" + (1000 + products.size());
                products.add(Map.of(
                        "sku",
                        sku,
                        "name",
                        category[i],
                        "price",
                        Double.parseDouble(category[i + 1]),
                        "category",
                        category[0],
                        "description",
                        category[i] + " from our " + category[0].toLowerCase(Locale.ROOT) + " range.",
                        "createdAt",
                        NOW.minusDays(600 + random.nextInt(100))));
            }
        }
    }

    private void generateArticles() {
        for (int i = 0; i < ARTICLES.length; i++) {
            String[] a = ARTICLES[i];
            articles.add(Map.of(
                    "id",
                    "kb-" + (101 + i),
                    "title",
                    a[0],
                    "body",
                    a[1],
                    "tags",
                    List.of(a).subList(2, a.length),
                    "createdAt",
                    NOW.minusDays(500 - i * 20L)));
        }
    }

    /**
     * Chinese articles and tickets from a stream of their own (after everything else), so the rest of the demo stays
     * what it was: each article with one resolved ticket and one open one, raised by customers picked at random.
     */
    private void generateChinese(int customerCount) {
        if (customerCount == 0) {
            return;
        }
        Random zh = new Random(seed * 31 + 86);
        for (int i = 0; i < ARTICLES_ZH.length; i++) {
            String[] a = ARTICLES_ZH[i];
            String articleId = "kb-zh-" + (201 + i);
            articles.add(Map.of(
                    "id",
                    articleId,
                    "title",
                    a[0],
                    "body",
                    a[1],
                    "tags",
                    List.of(a[2], "zh"),
                    "createdAt",
                    NOW.minusDays(300 - i * 10L)));
            for (int k = 0; k < 2; k++) {
                String[] words = TICKETS_ZH[i][k];
                boolean resolved = k == 0;
                OffsetDateTime created = NOW.minusDays(10 + zh.nextInt(200)).minusMinutes(zh.nextInt(1440));
                Map<String, Object> ticket = new HashMap<>();
                ticket.put("id", "tkt-" + (70001 + tickets.size()));
                ticket.put(
                        "customerId", customers.get(zh.nextInt(customerCount)).get("id"));
                ticket.put("subject", words[0]);
                ticket.put("body", words[1]);
                ticket.put("priority", resolved ? "MEDIUM" : "HIGH");
                ticket.put("channel", "EMAIL");
                ticket.put("category", a[2]);
                ticket.put("createdAt", created);
                ticket.put("status", resolved ? "RESOLVED" : "OPEN");
                if (resolved) {
                    ticket.put("resolution", a[1]);
                    ticket.put("resolvedAt", created.plusHours(3));
                    ticket.put("articleId", articleId);
                }
                tickets.add(ticket);
            }
        }
    }

    /**
     * Given and family name, a street address and a birth date, from a stream of their own (seeded by the set's seed
     * and the customer), so the orders, tickets and interactions drawn after stay what they were.
     */
    private void person(Map<String, Object> customer, String first, String last, int index) {
        var own = new java.util.Random(seed * 31 + index);
        customer.put("givenName", first);
        customer.put("familyName", last);
        customer.put("street", (1 + own.nextInt(180)) + " " + STREETS[own.nextInt(STREETS.length)]);
        customer.put("postcode", String.valueOf(10_000 + own.nextInt(89_999)));
        customer.put(
                "birthDate", java.time.LocalDate.of(1950 + own.nextInt(55), 1 + own.nextInt(12), 1 + own.nextInt(28)));
    }

    private void generateCustomer(int index) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String id = "cus-" + (10001 + index);
        OffsetDateTime joined = NOW.minusDays(30 + random.nextInt(700)).minusMinutes(random.nextInt(1440));
        Map<String, Object> customer = new HashMap<>();
        customer.put("id", id);
        customer.put("name", first + " " + last);
        customer.put("email", ascii(first + "." + last).toLowerCase(Locale.ROOT) + (index + 1) + "@example.com");
        customer.put("country", place[0]);
        customer.put("city", place[1]);
        customer.put("createdAt", joined);
        person(customer, first, last, index);
        if (random.nextInt(3) > 0) {
            customer.put(
                    "phone", "+" + (place[0].equals("US") ? "1" : "44") + (7000000000L + random.nextInt(999_999_999)));
        }
        customers.add(customer);

        // Loyal customers buy often; a third buy once or twice; some never do.
        int orderCount = switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1, 2 -> 1 + random.nextInt(2);
            case 3, 4 -> 3 + random.nextInt(4);
            default -> 8 + random.nextInt(8);
        };
        String favourite = CATALOGUE[random.nextInt(CATALOGUE.length)][0];
        for (int o = 0; o < orderCount; o++) {
            OffsetDateTime placed = between(joined, NOW);
            List<Map<String, Object>> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(3);
            double total = 0;
            for (int l = 0; l < lineCount; l++) {
                Map<String, Object> product = pick(favourite);
                if (lines.stream().anyMatch(line -> line.get("sku").equals(product.get("sku")))) {
                    continue;
                }
                int quantity = 1 + (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
                double price = (Double) product.get("price");
                lines.add(Map.of("sku", product.get("sku"), "quantity", quantity, "unitPrice", price));
                total += quantity * price;
            }
            orders.add(Map.of(
                    "id",
                    "ord-" + (500001 + orders.size()),
                    "customerId",
                    id,
                    "placedAt",
                    placed,
                    "status",
                    placed.isAfter(NOW.minusDays(3)) ? "PLACED" : "DELIVERED",
                    "channel",
                    random.nextInt(5) == 0 ? "STORE" : "WEB",
                    "total",
                    // the exact sum of prices with at most 2 decimals: a float sum would carry binary noise
                    Math.round(total * 10_000) / 10_000.0,
                    "lines",
                    lines));
        }
        int ticketCount = random.nextInt(10) < 4 ? 1 + random.nextInt(2) : 0;
        for (int t = 0; t < ticketCount; t++) {
            generateTicket(id, joined);
        }
        int interactionCount = random.nextInt(8);
        for (int n = 0; n < interactionCount; n++) {
            String[] channelType = CHANNEL_TYPES[random.nextInt(CHANNEL_TYPES.length)].split(":");
            Map<String, Object> interaction = new HashMap<>();
            interaction.put("id", "int-" + (900001 + interactions.size()));
            interaction.put("customerId", id);
            interaction.put("channel", channelType[0]);
            interaction.put("type", channelType[1]);
            interaction.put("occurredAt", between(joined, NOW));
            if (channelType[1].contains("product") || channelType[1].contains("review")) {
                interaction.put("productSku", pick(favourite).get("sku"));
            }
            if (channelType[1].equals("review_posted")) {
                interaction.put(
                        "text",
                        random.nextBoolean()
                                ? "Great value, arrived quickly."
                                : "Works, but the battery could last longer.");
            }
            interactions.add(interaction);
        }
    }

    private void generateTicket(String customerId, OffsetDateTime joined) {
        int articleIndex = random.nextInt(ARTICLES.length);
        String[] article = ARTICLES[articleIndex];
        OffsetDateTime created = between(joined, NOW);
        boolean resolved = created.isBefore(NOW.minusDays(5)) && random.nextInt(10) < 8;
        String[] priorities = {"LOW", "MEDIUM", "MEDIUM", "HIGH", "URGENT"};
        String[] channels = {"EMAIL", "WEB", "CHAT", "PHONE", "SOCIAL"};
        Map<String, Object> ticket = new HashMap<>();
        ticket.put("id", "tkt-" + (70001 + tickets.size()));
        ticket.put("customerId", customerId);
        ticket.put("subject", "Help: " + article[0].toLowerCase(Locale.ROOT));
        ticket.put(
                "body",
                "Hello, I have a problem: " + article[0].toLowerCase(Locale.ROOT) + ". Can you help me please?");
        ticket.put("priority", priorities[random.nextInt(priorities.length)]);
        ticket.put("channel", channels[random.nextInt(channels.length)]);
        ticket.put("category", article[2]);
        ticket.put("createdAt", created);
        ticket.put("status", resolved ? "RESOLVED" : (random.nextBoolean() ? "OPEN" : "IN_PROGRESS"));
        if (resolved) {
            ticket.put("resolution", article[1]);
            ticket.put("resolvedAt", created.plusHours(2 + random.nextInt(72)));
            ticket.put("articleId", "kb-" + (101 + articleIndex));
        }
        String tag = article[2];
        products.stream()
                .filter(p -> ((String) p.get("category"))
                        .toLowerCase(Locale.ROOT)
                        .replace(' ', '-')
                        .equals(tag))
                .skip(random.nextInt(4))
                .findFirst()
                .ifPresent(p -> ticket.put("productSku", p.get("sku")));
        tickets.add(ticket);
    }

    private Map<String, Object> pick(String favouriteCategory) {
        if (random.nextInt(10) < 6) {
            List<Map<String, Object>> inCategory = products.stream()
                    .filter(p -> p.get("category").equals(favouriteCategory))
                    .toList();
            return inCategory.get(random.nextInt(inCategory.size()));
        }
        return products.get(random.nextInt(products.size()));
    }

    private OffsetDateTime between(OffsetDateTime from, OffsetDateTime to) {
        long seconds = java.time.Duration.between(from, to).getSeconds();
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z.]", "");
    }
}
