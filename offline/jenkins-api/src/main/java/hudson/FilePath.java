package hudson;

import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private FilePath() {
        throw new UnsupportedOperationException();
    }
}
