package kg.jena;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.util.NodeFactoryExtra;

/**
 * Runs SPARQL queries with Apache Jena ARQ over a TriG/Turtle file, as a second engine to compare kg's
 * Oxigraph answers with. The default graph is the file's default graph merged with all its named graphs
 * (what Oxigraph's use_default_graph_as_union gives kg); the named graphs stay available to GRAPH.
 *
 * <pre>
 * java -cp 'target/classes:target/lib/*' kg.jena.RunQuery DATA [OPTIONS] QUERY.rq [VAR=TERM ...]
 * java -cp 'target/classes:target/lib/*' kg.jena.RunQuery DATA [OPTIONS] --batch &lt; JOBS
 *
 *   --prefix NAME=IRI   a PREFIX declaration put before every query (repeatable)
 *   --format json|tsv   json (default): one JSON array of rows, each {var: value} with the lexical value
 *                       of a literal, the IRI of an IRI, "" for unbound (kg query --format json's shape);
 *                       tsv: SPARQL 1.1 TSV results, full terms
 *   VAR=TERM            substitute a term for ?VAR (N-Triples syntax: "十堰市"@zh, &lt;http://...&gt;, "LEADS")
 *   --batch             read jobs from stdin, one a line: QUERY.rq TAB VAR=TERM TAB ...; print one JSON
 *                       line per job: {"query": FILE, "rows": [...]} or {"query": FILE, "error": MESSAGE}
 * </pre>
 * Batch mode exists because starting the JVM and Jena costs about a second per run.
 */
public final class RunQuery {

    private RunQuery() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (args.length < 2) {
            System.err.println("usage: RunQuery DATA [--prefix NAME=IRI]... [--format json|tsv] (QUERY.rq [VAR=TERM]... | --batch)");
            System.exit(2);
        }
        Dataset dataset = unionDataset(args[0]);
        StringBuilder prologue = new StringBuilder();
        String format = "json";
        boolean batch = false;
        String queryFile = null;
        List<String> bindings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--prefix" -> {
                    String[] pair = args[++i].split("=", 2);
                    prologue.append("PREFIX ").append(pair[0]).append(": <").append(pair[1]).append(">\n");
                }
                case "--format" -> format = args[++i];
                case "--batch" -> batch = true;
                default -> {
                    if (queryFile == null && !batch) {
                        queryFile = args[i];
                    } else {
                        bindings.add(args[i]);
                    }
                }
            }
        }
        if (batch) {
            runBatch(dataset, prologue.toString(), out);
        } else {
            Query query = parse(prologue.toString(), queryFile);
            try (QueryExecution exec = execution(dataset, query, bindings)) {
                ResultSet results = exec.execSelect();
                if (format.equals("tsv")) {
                    ResultSetFormatter.outputAsTSV(out, results);
                } else {
                    out.println(rowsAsJson(results, "\n "));
                }
            }
        }
        out.flush();
    }

    /** The file's default graph plus every named graph, as the default graph; named graphs kept. */
    static Dataset unionDataset(String path) {
        Dataset loaded = RDFDataMgr.loadDataset(path);
        Dataset union = DatasetFactory.create();
        Model merged = union.getDefaultModel();
        merged.add(loaded.getDefaultModel());
        for (Iterator<org.apache.jena.rdf.model.Resource> it = loaded.listModelNames(); it.hasNext(); ) {
            org.apache.jena.rdf.model.Resource name = it.next();
            Model graph = loaded.getNamedModel(name);
            merged.add(graph);
            union.addNamedModel(name, graph);
        }
        return union;
    }

    static Query parse(String prologue, String queryFile) throws Exception {
        String text = Files.readString(Path.of(queryFile), StandardCharsets.UTF_8);
        return QueryFactory.create(prologue + text);
    }

    /** Substitution (not initial bindings): the variable is replaced in the query, and a projected one
     *  still comes back in the rows, which is what Oxigraph's SEP-0007 substitutions do. */
    static QueryExecution execution(Dataset dataset, Query query, List<String> bindings) {
        BindingBuilder builder = BindingBuilder.create();
        for (String pair : bindings) {
            String[] kv = pair.split("=", 2);
            Node term = NodeFactoryExtra.parseNode(kv[1]);
            builder.add(Var.alloc(kv[0].replaceFirst("^[?$]", "")), term);
        }
        Binding binding = builder.build();
        return QueryExecution.create().query(query).dataset(dataset).substitution(binding).build();
    }

    static void runBatch(Dataset dataset, String prologue, PrintStream out) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            List<String> bindings = new ArrayList<>(List.of(fields).subList(1, fields.length));
            String answer;
            try (QueryExecution exec = execution(dataset, parse(prologue, fields[0]), bindings)) {
                answer = "{\"query\": " + json(fields[0]) + ", \"rows\": " + rowsAsJson(exec.execSelect(), "") + "}";
            } catch (Exception exc) {
                answer = "{\"query\": " + json(fields[0]) + ", \"error\": " + json(String.valueOf(exc)) + "}";
            }
            out.println(answer);
            out.flush();
        }
    }

    /** Rows as a JSON array; `rowBreak` goes before each row ("" keeps the array on one line). */
    static String rowsAsJson(ResultSet results, String rowBreak) {
        List<String> vars = results.getResultVars();
        StringBuilder json = new StringBuilder("[");
        boolean first = true;
        while (results.hasNext()) {
            QuerySolution row = results.next();
            Map<String, String> values = new LinkedHashMap<>();
            for (String var : vars) {
                values.put(var, value(row.get(var)));
            }
            json.append(first ? "" : ",").append(rowBreak).append("{");
            first = false;
            boolean firstField = true;
            for (Map.Entry<String, String> entry : values.entrySet()) {
                json.append(firstField ? "" : ", ").append(json(entry.getKey())).append(": ").append(json(entry.getValue()));
                firstField = false;
            }
            json.append("}");
        }
        return json.append(first || rowBreak.isEmpty() ? "]" : "\n]").toString();
    }

    /** The lexical value of a literal, the IRI of an IRI, the label of a blank node, "" when unbound. */
    static String value(RDFNode node) {
        if (node == null) {
            return "";
        }
        if (node.isLiteral()) {
            return node.asLiteral().getLexicalForm();
        }
        if (node.isURIResource()) {
            return node.asResource().getURI();
        }
        return node.asNode().getBlankNodeLabel();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
