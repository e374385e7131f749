package hudson.search;

public interface SearchableModelObject {
}
