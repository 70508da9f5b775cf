# SPDX-License-Identifier: MIT
"""A minimal stand-in for the Conan 2 client API, enough to import dxframe's recipes and call
their methods in tests/packaging/check_conan_recipe.py (there is no Conan client on the build
machines). It records what a recipe asks for; it does not resolve or build anything."""


class _Info:
    def __init__(self):
        self.cleared = False

    def clear(self):
        self.cleared = True


class _CppInfo:
    def __init__(self):
        self.properties = {}
        self.bindirs = ["bin"]
        self.libdirs = ["lib"]
        self.includedirs = ["include"]
        self.requires = []
        self.system_libs = []

    def set_property(self, name, value):
        self.properties[name] = value

    def get_property(self, name):
        return self.properties.get(name)


class _Folders:
    def __init__(self):
        self.source = ""
        self.build = ""
        self.generators = ""


class _CppBuild:
    def __init__(self):
        self.bindir = "."


class _Cpp:
    def __init__(self):
        self.build = _CppBuild()


class ConanFile:
    """Base class of recipes: attributes a recipe reads, and recorders for what it calls."""

    name = None
    version = None

    def __init__(self, settings=None, recipe_folder=".", source_folder=".", package_folder=None,
                 tested_reference_str=None):
        self.settings = settings
        self.recipe_folder = recipe_folder
        self.source_folder = source_folder
        self.package_folder = package_folder
        self.tested_reference_str = tested_reference_str
        self.info = _Info()
        self.cpp_info = _CppInfo()
        self.folders = _Folders()
        self.cpp = _Cpp()
        self.requires_calls = []
        self.run_calls = []
        self.layout_calls = []

    @property
    def ref(self):
        return "%s/%s" % (self.name, self.version)

    def requires(self, reference, **traits):
        self.requires_calls.append((reference, traits))

    def run(self, command, env=None):
        self.run_calls.append((command, env))
