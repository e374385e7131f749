package io.jenkins.plugins.packagepipeline.cloud;

/**
 * One ingress rule of a security group the engine creates: a protocol, a port range and a source CIDR.
 * {@link #tcp(int)} covers the common case (22, 80, 443, 3300 for the seeds' repository hosts).
 */
public record SecurityGroupRule(String protocol, int portMin, int portMax, String remoteCidr) {
    public SecurityGroupRule {
        protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol;
        remoteCidr = remoteCidr == null || remoteCidr.isBlank() ? "0.0.0.0/0" : remoteCidr;
        if (portMin < 1 || portMax > 65535 || portMin > portMax) {
            throw CloudException.invalidRequest("Security group rule port range " + portMin + "-" + portMax
                    + " is not within 1-65535");
        }
    }

    public static SecurityGroupRule tcp(int port) {
        return new SecurityGroupRule("tcp", port, port, null);
    }

    /** Parses {@code 22}, {@code 8000-8080}, {@code udp/53} or {@code tcp/443@10.0.0.0/8}. */
    public static SecurityGroupRule parse(String text) {
        String rest = text.strip();
        String protocol = "tcp";
        String cidr = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            cidr = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        try {
            int dash = rest.indexOf('-');
            int min = Integer.parseInt(dash >= 0 ? rest.substring(0, dash) : rest);
            int max = dash >= 0 ? Integer.parseInt(rest.substring(dash + 1)) : min;
            return new SecurityGroupRule(protocol, min, max, cidr);
        } catch (NumberFormatException e) {
            throw CloudException.invalidRequest("Security group rule '" + text
                    + "' is not PORT, MIN-MAX or PROTOCOL/PORT[@CIDR]");
        }
    }
}
