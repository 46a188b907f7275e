package com.cdcappsync.upsert.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Odoo websites one deployment serves, each with the companies whose products it shows. A row of a table with a
 * {@code websites} rule is published with the ids of the served websites that show it (its {@code website_id} is
 * empty or that website, and its {@code company_id} is empty or one of that website's companies), and leaves the API
 * when none does. Odoo's website_sale does the same: its shop domain keeps {@code website_id in (False, website)}
 * and its product record rule keeps {@code company_id} empty or the website's company (or a parent company), so list
 * a website's parent companies after its own (odoo/odoo addons/website_sale models/website.py
 * {@code sale_product_domain}, security/website_sale.xml).
 *
 * <p>Written {@code WEBSITE:COMPANY[+COMPANY...][,WEBSITE:...]}, e.g. {@code 1:1} (the default: Odoo's first
 * website, of its first company) or {@code 1:1,2:3+1}. A deployment that serves one website shows nothing of
 * another's; where several share a deployment, the website filter is a filter (any holder of the API key may ask
 * for another served website's items), not an access boundary: give each its own deployment to keep them apart.
 *
 * @param companiesByWebsite website id → the company ids whose rows it shows, in the order written
 */
public record ServedWebsites(Map<String, Set<String>> companiesByWebsite) {

    /** Odoo's first website, of its first company. */
    public static final String DEFAULT_TEXT = "1:1";

    private static final Pattern ENTRY = Pattern.compile("[1-9][0-9]{0,17}:[1-9][0-9]{0,17}(\\+[1-9][0-9]{0,17})*");

    /** Copies the map; at least one website. */
    public ServedWebsites {
        if (companiesByWebsite.isEmpty()) {
            throw new IllegalArgumentException("at least one website must be served");
        }
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        companiesByWebsite.forEach((website, companies) -> copy.put(website,
                Collections.unmodifiableSet(new LinkedHashSet<>(companies))));
        companiesByWebsite = Collections.unmodifiableMap(copy);
    }

    /** The default, {@value #DEFAULT_TEXT}. */
    public static ServedWebsites defaults() {
        return parse(DEFAULT_TEXT);
    }

    /**
     * @param text e.g. {@code 1:1,2:3+1}
     * @throws IllegalArgumentException naming the entry and the expected form
     */
    public static ServedWebsites parse(String text) {
        Map<String, Set<String>> websites = new LinkedHashMap<>();
        for (String entry : text.split(",", -1)) {
            String trimmed = entry.strip();
            if (!ENTRY.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("'" + trimmed + "' is not WEBSITE:COMPANY[+COMPANY...] with "
                        + "positive ids (Odoo's website and res_company ids), e.g. 1:1 or 2:3+1");
            }
            String[] parts = trimmed.split(":");
            if (websites.put(parts[0], new LinkedHashSet<>(List.of(parts[1].split("\\+")))) != null) {
                throw new IllegalArgumentException("website " + parts[0] + " is listed twice; list each once");
            }
        }
        return new ServedWebsites(websites);
    }

    /**
     * The served websites that show a row.
     *
     * @param websiteId the row's website id, or null (every website)
     * @param companyId the row's company id, or null (every company)
     * @return the website ids, in the order configured; empty when none shows it
     */
    public List<String> showing(String websiteId, String companyId) {
        List<String> out = new ArrayList<>();
        companiesByWebsite.forEach((website, companies) -> {
            if ((websiteId == null || websiteId.equals(website))
                    && (companyId == null || companies.contains(companyId))) {
                out.add(website);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        List<String> entries = new ArrayList<>();
        companiesByWebsite.forEach((w, c) -> entries.add(w + ":" + String.join("+", c)));
        return String.join(",", entries);
    }
}
