export const id = 161;
export const ids = [161];
export const modules = {

/***/ 1161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildAction: () => (/* binding */ buildAction)
/* harmony export */ });
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4277);
/* harmony import */ var _build_outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6052);
/* harmony import */ var _build_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4035);
/* harmony import */ var _build_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9656);
/* harmony import */ var _engine_process_runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9555);
/* harmony import */ var _inputs_build_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(782);






/** The build command: build every image of `container-images` (check pipeline). */
async function buildAction(io = (0,_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .actionIO */ .P)()) {
    const inputs = (0,_inputs_build_js__WEBPACK_IMPORTED_MODULE_5__/* .readBuildInputs */ .q)(io.reader, io.ctx);
    const run = await (0,_build_run_js__WEBPACK_IMPORTED_MODULE_3__/* .executeBuild */ .S)(inputs, io.ctx, {
        runner: new _engine_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .ProcessRunner */ .S(),
        log: io.log,
        env: io.env,
        now: () => new Date()
    });
    await run.engine.dispose();
    await (0,_build_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .reportBuild */ .p)(io.report, 'imagegate build', run.results, {
        ...run,
        profile: run.engine.profile
    });
    const failed = run.results.filter(r => r.status !== 'built');
    if (failed.length > 0)
        throw new _build_report_js__WEBPACK_IMPORTED_MODULE_2__/* .ImagesFailedError */ .sf(failed);
}


/***/ })

};
