package com.cycube.catalog.courses;

import com.cycube.support.auth.Caller;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Browsing and reading courses: which courses, and which version of each, a caller sees ({@link CourseAccess}),
 * one at a time or batched for the DataLoaders. Authoring is {@link CourseAuthoringService}.
 */
@Service
public class CourseQueryService {

    private final CourseStore store;

    public CourseQueryService(CourseStore store) {
        this.store = store;
    }

    public Connection<CourseView> list(Caller caller, CourseFilter filter, PageRequest page) {
        CourseAccess.requireReader(caller);
        List<CourseView> views = store.page(caller, filter, page).stream()
                .map(head -> CourseAccess.currentView(caller, head))
                .flatMap(Optional::stream)
                .toList();
        return Connection.of(views, page, store.count(caller, filter));
    }

    public Optional<CourseView> get(Caller caller, String id, Integer version) {
        CourseAccess.requireReader(caller);
        Optional<CourseDocument> head = store.findHead(caller, id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        if (version == null) {
            return CourseAccess.currentView(caller, head.get());
        }
        Optional<CourseView> view = CourseAccess.versionView(caller, head.get(), version);
        if (view.isPresent() || !CourseAccess.mayReadOldVersion(caller, head.get(), version)) {
            return view;
        }
        return store.findVersion(caller, id, version).map(old -> CourseAccess.oldVersionView(head.get(), old));
    }

    /** The version history for authors; null for everyone else. */
    public List<CourseVersionInfo> versions(Caller caller, CourseView view) {
        if (!view.forAuthor()) {
            return null;
        }
        CourseDocument head = view.head();
        List<CourseVersionInfo> versions = new ArrayList<>();
        if (head.hasDraft()) {
            versions.add(new CourseVersionInfo(head.draftVersion(), CourseStatus.DRAFT, null));
        }
        for (CourseVersionDocument published : store.versionHistory(caller, head.id())) {
            CourseStatus status = published.version() != head.publishedVersion() ? CourseStatus.SUPERSEDED
                    : head.isArchived() ? CourseStatus.ARCHIVED : CourseStatus.PUBLISHED;
            versions.add(new CourseVersionInfo(published.version(), status, published.publishedAt()));
        }
        return versions;
    }

    /** Batch: the caller's view of each course (absent when not visible). */
    public Map<String, CourseView> views(Caller caller, Collection<String> courseIds) {
        CourseAccess.requireReader(caller);
        Map<String, CourseView> views = new HashMap<>();
        for (CourseDocument head : store.findHeads(caller, courseIds)) {
            CourseAccess.currentView(caller, head).ifPresent(view -> views.put(head.id(), view));
        }
        return views;
    }

    /** Batch: the content of published versions by version document id. */
    public Map<String, CourseContent> contents(Caller caller, Collection<String> versionDocumentIds) {
        Map<String, CourseContent> contents = new HashMap<>();
        store.findVersions(caller, versionDocumentIds).forEach((id, version) -> contents.put(id, version.content()));
        return contents;
    }

    /** Batch: modules by id, each in the version of its course the caller sees (two queries for any number). */
    public Map<String, ModuleView> modules(Caller caller, Collection<String> moduleIds) {
        CourseAccess.requireReader(caller);
        Map<String, ModuleView> found = new HashMap<>();
        for (CourseView course : withContent(caller, store.findHeadsWithModules(caller, moduleIds))) {
            for (ModuleView module : ModuleView.of(course, course.content())) {
                if (moduleIds.contains(module.id())) {
                    found.put(module.id(), module);
                }
            }
        }
        return found;
    }

    /** Batch: cubes by id, each in the version of its course the caller sees (two queries for any number). */
    public Map<String, CubeView> cubes(Caller caller, Collection<String> cubeIds) {
        CourseAccess.requireReader(caller);
        Map<String, CubeView> found = new HashMap<>();
        for (CourseView course : withContent(caller, store.findHeadsWithCubes(caller, cubeIds))) {
            for (ModuleView module : ModuleView.of(course, course.content())) {
                for (CubeView cube : module.cubes()) {
                    if (cubeIds.contains(cube.id())) {
                        found.put(cube.id(), cube);
                    }
                }
            }
        }
        return found;
    }

    /** The caller's view of each head with its content: drafts carry it, published versions are read in one batch. */
    private List<CourseView> withContent(Caller caller, List<CourseDocument> heads) {
        List<CourseView> views = heads.stream()
                .map(head -> CourseAccess.currentView(caller, head))
                .flatMap(Optional::stream)
                .toList();
        List<String> missing = views.stream().filter(v -> v.content() == null).map(CourseView::versionDocumentId).toList();
        Map<String, CourseContent> loaded = missing.isEmpty() ? Map.of() : contents(caller, missing);
        return views.stream()
                .map(v -> v.content() != null ? v : v.withContent(loaded.get(v.versionDocumentId())))
                .filter(v -> v.content() != null)
                .toList();
    }
}
