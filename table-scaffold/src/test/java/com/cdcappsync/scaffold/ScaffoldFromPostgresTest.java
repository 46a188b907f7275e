package com.cdcappsync.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.mapping.TableMapping;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The scaffold command against a real PostgreSQL catalog (a throwaway server, Odoo-shaped tables). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaffoldFromPostgresTest {

    private ThrowawayPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    void startPostgres() throws Exception {
        pg = ThrowawayPostgres.start();
        pg.sql("""
                CREATE TABLE product_tag (
                    id serial PRIMARY KEY, name jsonb NOT NULL, color int, active boolean DEFAULT true,
                    weight numeric(10, 3), price numeric, sequence bigint, create_date date,
                    write_date timestamp without time zone, parent_id int);
                CREATE TABLE product_tag_rel (tag_id int, product_id int, PRIMARY KEY (product_id, tag_id));
                CREATE TABLE audit_log (at timestamptz, line text);
                CREATE TABLE attachment (id serial PRIMARY KEY, datas bytea, span tsrange);
                CREATE TABLE product_extra (
                    id serial PRIMARY KEY, name jsonb, description_sale jsonb, standard_price jsonb, properties jsonb);
                INSERT INTO product_extra (name, standard_price, properties) VALUES
                    ('{"en_US": "Chair", "fr_FR": "Chaise"}', '{"1": 12.5}', '{"a1b2": true}'),
                    ('{"en_US": "Desk", "es_419": "Escritorio"}', '{"1": 40, "2": 41}', NULL);
                """);
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    record Run(int status, String out, String err) {
    }

    private Run scaffold(RepositoryFiles files, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScaffoldCli.run(files.args(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void scaffold_newTable_writesWhatTheReadersAccept() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);

        Run run = scaffold(files, "--jdbc-url", pg.jdbcUrl(), "--user", "postgres", "--table", "product_tag=Tag");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("add: " + files.schema + ": type Tag", "scaffold: 16 added, 0 unchanged");
        TableMapping tag = new MappingLoader().load(files.mapping).find("public", "product_tag")
                .orElseThrow();
        assertThat(tag.typeName()).isEqualTo("Tag");
        assertThat(tag.keyColumns()).containsExactly("id");
        assertThat(tag.fields()).extracting(f -> f.field() + ":" + f.conversion().configName()).containsExactly(
                "name:translation", "nameTranslations:json", "color:int", "active:boolean", "weight:decimal",
                "price:decimal", "sequence:string", "createDate:date", "writeDate:timestamp", "parentId:string");
        assertThat(ApiManifest.load(dir).mutationFields()).contains("upsertTag", "deleteTag");
        assertThat(Files.readString(files.schema)).contains("  weight: String\n", "  parentId: ID\n",
                "  onUpsertTag(id: ID): Tag @aws_subscribe(mutations: [\"upsertTag\"]) @aws_api_key @aws_iam");

        Run again = scaffold(files, "--jdbc-url", pg.jdbcUrl(), "--user", "postgres", "--table", "product_tag=Tag");

        assertThat(again.out()).contains("scaffold: 0 added, 16 unchanged, 0 differing");
    }

    @Test
    void readmeCommand_addsTheTable(@TempDir Path own) throws Exception {
        String section = Files.readString(RepositoryFiles.root().resolve("table-scaffold/README.md"));
        String command = section.lines().filter(l -> l.startsWith("bin/cdc-appsync scaffold ")).findFirst()
                .orElseThrow(() -> new AssertionError("table-scaffold/README.md has no bin/cdc-appsync scaffold line"));
        List<String> args = new ArrayList<>(List.of(command.substring("bin/cdc-appsync scaffold ".length())
                .trim().split("\\s+")));
        args.set(args.indexOf("--jdbc-url") + 1, pg.jdbcUrl()); // the throwaway server instead of localhost:5432
        args.set(args.indexOf("--user") + 1, "postgres");
        RepositoryFiles files = RepositoryFiles.copyTo(own);

        Run run = scaffold(files, args.toArray(String[]::new));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(new MappingLoader().load(files.mapping).find("public", "product_tag")).isPresent();
        assertThat(ApiManifest.load(own).tableOfType("ProductTag").dataSource()).isEqualTo("ProductTagTable");
    }

    @Test
    void scaffold_compositeKey_keysOnEveryKeyColumnInOrder() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);

        Run run = scaffold(files, "--jdbc-url", pg.jdbcUrl(), "--user", "postgres", "--table", "product_tag_rel");

        assertThat(run.status()).as(run.err()).isZero();
        TableMapping rel = new MappingLoader().load(files.mapping).find("public", "product_tag_rel")
                .orElseThrow();
        assertThat(rel.keyColumns()).containsExactly("product_id", "tag_id");
        assertThat(rel.typeName()).isEqualTo("ProductTagRel");
    }

    @Test
    void scaffold_unknownTable_failsNamingIt() throws Exception {
        Run run = scaffold(RepositoryFiles.copyTo(dir), "--jdbc-url", pg.jdbcUrl(), "--user", "postgres",
                "--table", "product_tga");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("table public.product_tga does not exist");
    }

    @Test
    void scaffold_tableWithoutPrimaryKey_failsWithTheFix() throws Exception {
        Run run = scaffold(RepositoryFiles.copyTo(dir), "--jdbc-url", pg.jdbcUrl(), "--user", "postgres",
                "--table", "audit_log");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("public.audit_log has no primary key", "ADD PRIMARY KEY");
    }

    @Test
    void scaffold_unmappableTypes_failsNamingEachColumnAndItsType() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);
        String schema = Files.readString(files.schema);

        Run run = scaffold(files, "--jdbc-url", pg.jdbcUrl(), "--user", "postgres", "--table", "attachment");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("datas (bytea)", "span (tsrange)", "--exclude");
        assertThat(Files.readString(files.schema)).as("nothing written").isEqualTo(schema);
    }

    @Test
    void scaffold_jsonbColumns_translationMapsFromTheirValuesOtherJsonKeptWhole() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);

        Run run = scaffold(files, "--jdbc-url", pg.jdbcUrl(), "--user", "postgres", "--table", "product_extra");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "note: jsonb column product_extra.name: translation map (languages en_US, es_419, fr_FR in 2 value(s))",
                "note: jsonb column product_extra.description_sale: no value to inspect, assumed an Odoo translation",
                "note: jsonb column product_extra.standard_price: kept as JSON (AWSJSON), since key '1' is not a "
                        + "language code",
                "note: jsonb column product_extra.properties: kept as JSON");
        TableMapping extra = new MappingLoader().load(files.mapping).find("public", "product_extra")
                .orElseThrow();
        assertThat(extra.fields()).extracting(f -> f.field() + ":" + f.conversion().configName()).containsExactly(
                "name:translation", "nameTranslations:json", "descriptionSale:translation",
                "descriptionSaleTranslations:json", "standardPrice:json", "properties:json");
        assertThat(Files.readString(files.schema)).contains("  standardPrice: AWSJSON\n");
    }

    @Test
    void scaffold_jsonColumnOptions_overrideWhatTheValuesSay() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);

        Run run = scaffold(files, "--jdbc-url", pg.jdbcUrl(), "--user", "postgres", "--table", "product_extra",
                "--json-columns", "product_extra.name,description_sale", "--translation-columns", "properties");

        assertThat(run.status()).as(run.err()).isZero();
        TableMapping extra = new MappingLoader().load(files.mapping).find("public", "product_extra")
                .orElseThrow();
        assertThat(extra.fields()).extracting(f -> f.field() + ":" + f.conversion().configName()).containsExactly(
                "name:json", "descriptionSale:json", "standardPrice:json", "properties:translation",
                "propertiesTranslations:json");
        assertThat(run.out()).contains("note: jsonb column product_extra.name: kept as JSON (--json-columns)");
    }

    @Test
    void scaffold_jsonColumnOptionOnAnotherType_failsNamingTheColumn() throws Exception {
        Run run = scaffold(RepositoryFiles.copyTo(dir), "--jdbc-url", pg.jdbcUrl(), "--user", "postgres",
                "--table", "product_tag", "--json-columns", "color");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("column product_tag.color is integer, not json or jsonb");
    }

    @Test
    void scaffold_noSource_isAUsageError() throws Exception {
        Run run = scaffold(RepositoryFiles.copyTo(dir), "--table", "product_tag");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("give either --jdbc-url with --table, or --event FILE");
    }
}
