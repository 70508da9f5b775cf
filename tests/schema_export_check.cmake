# Exports the embedded Vietnam dataset with the CLI and checks it against the JSON Schema.
execute_process(COMMAND "${CLI}" export vietnam -o "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dxframe export vietnam failed with ${rc}")
endif()
execute_process(COMMAND "${PYTHON}" "${CHECK}" "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the exported Vietnam dataset does not match schema/dxframe.schema.json")
endif()
