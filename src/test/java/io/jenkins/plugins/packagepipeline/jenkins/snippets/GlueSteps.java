package io.jenkins.plugins.packagepipeline.jenkins.snippets;

import hudson.tasks.BuildWrapper;
import hudson.tasks.Builder;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline functions the compiled glue offers, found by reflection as Pipeline finds them: each {@link Step}'s
 * {@code DescriptorImpl.getFunctionName()}, and each build wrapper or builder whose descriptor carries a
 * {@link Symbol}; with, for each, its arguments: the {@link DataBoundConstructor}'s parameters (required) and the
 * {@link DataBoundSetter} methods and fields (optional), with their types.
 */
final class GlueSteps {

    private static final String GLUE_PACKAGE = "io.jenkins.plugins.packagepipeline.jenkins";

    /** One argument of a step: its Java type, and whether the data-bound constructor takes it. */
    record StepParameter(Type type, boolean required) {
    }

    /** A step: its class and arguments by name. */
    record StepModel(String function, Class<?> type, Map<String, StepParameter> parameters) {
    }

    private final Map<String, StepModel> steps;

    private GlueSteps(Map<String, StepModel> steps) {
        this.steps = steps;
    }

    Map<String, StepModel> steps() {
        return steps;
    }

    /** Reads every class of the compiled glue. */
    static GlueSteps load() throws IOException, ReflectiveOperationException, URISyntaxException {
        Map<String, StepModel> steps = new TreeMap<>();
        for (Class<?> type : glueClasses()) {
            if (Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Class<?> nested : type.getDeclaredClasses()) {
                List<String> functions = new ArrayList<>();
                if (Step.class.isAssignableFrom(type) && StepDescriptor.class.isAssignableFrom(nested)) {
                    functions.add(((StepDescriptor) allocate(nested)).getFunctionName());
                }
                Symbol symbol = nested.getAnnotation(Symbol.class);
                if (symbol != null && (BuildWrapper.class.isAssignableFrom(type) || Builder.class.isAssignableFrom(type)
                        || Step.class.isAssignableFrom(type))) {
                    functions.addAll(List.of(symbol.value()));
                }
                for (String function : functions) {
                    steps.put(function, new StepModel(function, type, parameters(type)));
                }
            }
        }
        return new GlueSteps(steps);
    }

    /**
     * A descriptor without running its constructor: the declarations Jenkins is compiled against here have no
     * behaviour, and {@code getFunctionName()} only returns a constant.
     */
    private static Object allocate(Class<?> type) throws ReflectiveOperationException {
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Object unsafe = theUnsafe.get(null);
        return unsafeClass.getMethod("allocateInstance", Class.class).invoke(unsafe, type);
    }

    /** Every class of the compiled glue. */
    static List<Class<?>> glueClasses() throws IOException, ReflectiveOperationException, URISyntaxException {
        Path classes = Path.of(Class.forName(GLUE_PACKAGE + ".repo.PublishRepoStep").getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        List<Class<?>> glue = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve(GLUE_PACKAGE.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                glue.add(Class.forName(name, false, GlueSteps.class.getClassLoader()));
            }
        }
        return glue;
    }

    /** The data-bound arguments of a class: its constructor's (required) and its setters' (optional). */
    static Map<String, StepParameter> parameters(Class<?> type) {
        Map<String, StepParameter> parameters = new LinkedHashMap<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : constructor.getParameters()) {
                    if (!p.isNamePresent()) {
                        throw new IllegalStateException(type + " was compiled without -parameters: its data-bound"
                                + " constructor's parameter names are unknown");
                    }
                    parameters.put(p.getName(), new StepParameter(p.getParameterizedType(), true));
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")
                    && method.getParameterCount() == 1) {
                String name = method.getName().substring(3);
                name = name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
                parameters.putIfAbsent(name, new StepParameter(method.getGenericParameterTypes()[0], false));
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(DataBoundSetter.class)) {
                    parameters.putIfAbsent(field.getName(), new StepParameter(field.getGenericType(), false));
                }
            }
        }
        return parameters;
    }

    /**
     * What is wrong with one call, if it names a glue step: an unknown argument, a literal of the wrong type, a
     * required argument left out. Calls of other functions are left to {@code otherFunctions}: a call with named
     * arguments of a function that is neither is reported as an unknown step.
     */
    List<String> problems(GroovyCalls.Call call, Set<String> otherFunctions) {
        List<String> problems = new ArrayList<>();
        StepModel step = steps.get(call.name());
        if (step == null) {
            if (!call.named().isEmpty() && !otherFunctions.contains(call.name())) {
                problems.add(call.name() + "(...) is not a Package Pipeline step (steps: " + String.join(", ",
                        steps.keySet()) + ") nor a known Pipeline step");
            }
            return problems;
        }
        for (GroovyCalls.Argument argument : call.named()) {
            StepParameter parameter = step.parameters().get(argument.name());
            if (parameter == null) {
                problems.add(call.name() + " has no argument '" + argument.name() + "' (its arguments: "
                        + String.join(", ", step.parameters().keySet()) + ")");
            } else if (!accepts(parameter.type(), argument.kind())) {
                problems.add(call.name() + "'s argument '" + argument.name() + "' is a " + parameter.type()
                        .getTypeName() + ", not the " + argument.kind().name().toLowerCase(Locale.ROOT) + " "
                        + argument.value());
            }
        }
        if (call.positional() == 0) {
            for (Map.Entry<String, StepParameter> parameter : step.parameters().entrySet()) {
                if (parameter.getValue().required() && call.named().stream()
                        .noneMatch(a -> a.name().equals(parameter.getKey()))) {
                    problems.add(call.name() + " needs its argument '" + parameter.getKey() + "'");
                }
            }
        }
        return problems;
    }

    /** Whether a literal of this kind binds to a parameter of this type (an expression may be anything). */
    static boolean accepts(Type type, GroovyCalls.ValueKind kind) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        return switch (kind) {
            case EXPRESSION -> true;
            case STRING -> raw == String.class || raw.isEnum();
            case INTEGER -> Set.of(int.class, Integer.class, long.class, Long.class, double.class, Double.class)
                    .contains(raw);
            case DECIMAL -> raw == double.class || raw == Double.class;
            case BOOLEAN -> raw == boolean.class || raw == Boolean.class;
            case LIST -> Collection.class.isAssignableFrom(raw) || raw.isArray();
            case MAP -> false; // structs binds no Map-typed argument
        };
    }
}
