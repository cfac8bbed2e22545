package com.cycube.catalog.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * An in-memory Apache Lucene index of published courses, for relevance-ranked, typo-tolerant search (the
 * MongoDB-compatible store has no {@code $text}). Plain Java, no Spring: the ranking is unit-tested directly.
 *
 * <p>Each query word is matched in every field three ways, best first: the exact word (boost 4), a word
 * starting with it (boost 2, so "phish" finds "phishing"), and a word within a small edit distance (boost 1;
 * 1 edit for 3–4 letters, 2 edits for 5 or more, so "phising" finds "phishing"). Fields weigh title 5, skill
 * names 3, module titles and summary 2, cube titles 1.5. Who may find a course is a filter inside the query:
 * field {@code audience} holds its organization id or {@value #GLOBAL}.
 */
public final class CatalogSearchIndex implements Closeable {

    public static final String GLOBAL = "GLOBAL";

    static final String ID = "id";
    static final String AUDIENCE = "audience";
    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            "title", 5f, "skill", 3f, "module", 2f, "summary", 2f, "cube", 1.5f);
    private static final int MAX_QUERY_TERMS = 10;

    private final Analyzer analyzer = new CatalogAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The indexed texts by course id, for highlighting (the index stores no text). */
    private final Map<String, SearchableCourse> courses = new ConcurrentHashMap<>();

    public CatalogSearchIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the course, or replaces its previous entry. */
    public synchronized void upsert(SearchableCourse course) {
        try {
            writer.updateDocument(new Term(ID, course.id()), document(course));
            courses.put(course.id(), course);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void remove(String courseId) {
        try {
            writer.deleteDocuments(new Term(ID, courseId));
            courses.remove(courseId);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole index with {@code all} (startup rebuild). */
    public synchronized void replaceAll(Collection<SearchableCourse> all) {
        try {
            writer.deleteAll();
            courses.clear();
            for (SearchableCourse course : all) {
                writer.addDocument(document(course));
                courses.put(course.id(), course);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return courses.size();
    }

    /**
     * The best matches of {@code text} among courses whose audience is in {@code audiences} (null: no filter,
     * for root), skipping {@code offset} hits.
     */
    public SearchResults search(String text, Set<String> audiences, int first, int offset) {
        List<String> terms = queryTerms(text);
        if (terms.isEmpty()) {
            return new SearchResults(List.of(), 0);
        }
        Query query = query(terms, audiences);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query, offset + first);
                long total = searcher.count(query);
                List<SearchHit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = offset; i < docs.length; i++) {
                    String id = searcher.storedFields().document(docs[i].doc).get(ID);
                    SearchableCourse course = courses.get(id);
                    if (course != null) {
                        hits.add(new SearchHit(id, docs[i].score, highlights(course, terms)));
                    }
                }
                return new SearchResults(hits, total);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The words of a query that are worth matching: analyzed like the index, English stopwords ("a", "the", "and"…)
     * dropped (they would match nearly every course), duplicates removed, at most {@value #MAX_QUERY_TERMS}.
     */
    List<String> queryTerms(String text) {
        return analyze(text).stream().map(Token::term)
                .filter(term -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(term))
                .distinct().limit(MAX_QUERY_TERMS).toList();
    }

    static Query query(List<String> terms, Set<String> audiences) {
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        for (String term : terms) {
            for (Map.Entry<String, Float> field : FIELD_BOOSTS.entrySet()) {
                float boost = field.getValue();
                Term t = new Term(field.getKey(), term);
                matching.add(new BoostQuery(new TermQuery(t), 4f * boost), BooleanClause.Occur.SHOULD);
                if (term.length() >= 3) {
                    matching.add(new BoostQuery(new PrefixQuery(t), 2f * boost), BooleanClause.Occur.SHOULD);
                }
                int edits = allowedEdits(term);
                if (edits > 0) {
                    matching.add(new BoostQuery(new FuzzyQuery(t, edits, 0), boost), BooleanClause.Occur.SHOULD);
                }
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching.build(), BooleanClause.Occur.MUST);
        if (audiences != null) {
            query.add(new TermInSetQuery(AUDIENCE, audiences.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /** Typo tolerance grows with the word: none below 3 letters, 1 edit up to 4, 2 edits from 5. */
    static int allowedEdits(String term) {
        int length = term.codePointCount(0, term.length());
        return length < 3 ? 0 : length < 5 ? 1 : 2;
    }

    private static Document document(SearchableCourse course) {
        Document doc = new Document();
        doc.add(new StringField(ID, course.id(), Field.Store.YES));
        doc.add(new StringField(AUDIENCE, course.organizationId() == null ? GLOBAL : course.organizationId(), Field.Store.NO));
        doc.add(new TextField("title", course.title(), Field.Store.NO));
        if (course.summary() != null) {
            doc.add(new TextField("summary", course.summary(), Field.Store.NO));
        }
        course.moduleTitles().forEach(title -> doc.add(new TextField("module", title, Field.Store.NO)));
        course.cubeTitles().forEach(title -> doc.add(new TextField("cube", title, Field.Store.NO)));
        course.skillNames().forEach(name -> doc.add(new TextField("skill", name, Field.Store.NO)));
        return doc;
    }

    // ---------------------------------------------------------------- highlighting

    private List<SearchHit.Highlight> highlights(SearchableCourse course, List<String> terms) {
        List<SearchHit.Highlight> highlights = new ArrayList<>();
        highlight("title", course.title(), terms).ifPresent(highlights::add);
        if (course.summary() != null) {
            highlight("summary", course.summary(), terms).ifPresent(highlights::add);
        }
        course.skillNames().forEach(text -> highlight("skill", text, terms).ifPresent(highlights::add));
        course.moduleTitles().forEach(text -> highlight("module", text, terms).ifPresent(highlights::add));
        course.cubeTitles().forEach(text -> highlight("cube", text, terms).ifPresent(highlights::add));
        return highlights;
    }

    /**
     * {@code text} HTML-escaped, with the words matching {@code terms} wrapped in {@code <em></em>} — the only
     * markup in a snippet, since clients render it as HTML and the text is author-supplied.
     */
    java.util.Optional<SearchHit.Highlight> highlight(String field, String text, List<String> terms) {
        StringBuilder snippet = new StringBuilder();
        int copied = 0;
        boolean matched = false;
        for (Token token : analyze(text)) {
            if (terms.stream().anyMatch(term -> matches(token.term(), term))) {
                escapeHtml(text.substring(copied, token.start()), snippet);
                snippet.append("<em>");
                escapeHtml(text.substring(token.start(), token.end()), snippet);
                snippet.append("</em>");
                copied = token.end();
                matched = true;
            }
        }
        if (!matched) {
            return java.util.Optional.empty();
        }
        escapeHtml(text.substring(copied), snippet);
        return java.util.Optional.of(new SearchHit.Highlight(field, snippet.toString()));
    }

    /** Appends {@code text} with {@code & < > " '} as character references, safe in HTML text and attributes. */
    static void escapeHtml(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** The same notion of a match as the query: exact, prefix, or within the allowed edit distance. */
    static boolean matches(String word, String term) {
        if (word.equals(term) || (term.length() >= 3 && word.startsWith(term))) {
            return true;
        }
        int edits = allowedEdits(term);
        return edits > 0 && Math.abs(word.length() - term.length()) <= edits && editDistance(word, term) <= edits;
    }

    /** Damerau-Levenshtein (optimal string alignment) distance, as Lucene's FuzzyQuery counts transpositions. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Token(String term, int start, int end) {
    }

    private List<Token> analyze(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream("any", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** Words as the standard tokenizer splits them, lower-cased, accents folded ("Résumé" = "resume"). */
    static final class CatalogAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
