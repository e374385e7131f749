package jenkins.model;

public interface HistoricalBuild extends AddressableModelObject {
}
